/**
 * The cold-start benchmark's floor: a hello-world Funqy function packaged and launched as the real one is.
 */
package io.sysrisk.hello;
