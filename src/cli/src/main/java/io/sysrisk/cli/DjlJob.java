package io.sysrisk.cli;

/** A command that computes with DJL: {@link EngineGuard} checks the engine before it runs. */
interface DjlJob {

    /** False when this invocation's options keep it off DJL (e.g. {@code score --engine java}). */
    default boolean usesDjl() {
        return true;
    }
}
