/**
 * The model store: versions with provenance manifests, checksums, atomic writes and consistent reads.
 *
 * <p>Uses {@code inference}, {@code data}, {@code windows}, {@code labels}; the manifest embeds records of {@code
 * experiment} and {@code evaluation}.
 */
package io.sysrisk.store;
