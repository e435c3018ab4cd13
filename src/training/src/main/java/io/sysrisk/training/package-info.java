/**
 * Training on DJL: trainers for one network and the seed ensemble, Platt scaling, the weighted loss, the training
 * jobs, device choice.
 *
 * <p>Uses the core and {@code model}.
 */
package io.sysrisk.training;
