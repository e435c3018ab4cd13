/**
 * The evidence contract: the records a study writes ({@link io.sysrisk.research.evidence.Evidence}: lomo.json,
 * walk-forward.json) and the function reads for the risk page and GET /model, with its schema version. Here, in the
 * module both depend on, so that writer and reader share one definition.
 *
 * <p>Uses {@code io.sysrisk.evaluation} and {@code io.sysrisk.research.evaluation} and {@code experiment}.
 */
package io.sysrisk.research.evidence;
