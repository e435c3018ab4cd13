/**
 * sysrisk: an early warning of systemic market breakdowns (arXiv 2502.06847's CNN-BiLSTM-attention network, made
 * real and judged out of sample). This root package holds only the build's version
 * ({@link io.sysrisk.SysriskVersion}); the jobs live in sub-packages, one job each.
 */
package io.sysrisk;
