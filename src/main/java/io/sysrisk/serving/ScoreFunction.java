package io.sysrisk.serving;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.funqy.Funq;

/**
 * The AWS Lambda handler (Funqy): the request JSON in, the response JSON out. A request that cannot be scored is
 * answered with {@code status} 400 (503 when busy) and {@code error}, as a normal payload, so a caller's mistake is
 * not counted (or retried) by Lambda as a function error.
 */
public class ScoreFunction {

    private static final Logger LOG = Logger.getLogger(ScoreFunction.class);

    @Inject
    ScoringService service;

    @Funq("score")
    public ScoreResponse score(ScoreRequest request) {
        try {
            return service.score(request);
        } catch (InvalidRequestException e) {
            return ScoreResponse.error(400, e.getMessage());
        } catch (ServiceBusyException e) {
            return ScoreResponse.error(503, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("scoring failed", e);
            return ScoreResponse.error(500, "internal error while scoring; see the function's log");
        }
    }
}
