package io.sysrisk.serving.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.sysrisk.serving.ScoringService;

/** Ready only once the model is loaded and warmed. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    @Inject
    ScoringService service;

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("model").status(service.ready());
        if (service.ready()) {
            b.withData("version", service.manifest().version());
        }
        return b.build();
    }
}
