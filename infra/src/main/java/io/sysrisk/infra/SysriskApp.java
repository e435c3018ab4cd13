package io.sysrisk.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code cdk synth} / {@code cdk deploy} run it (see cdk.json and deploy.sh). */
public final class SysriskApp {
    private SysriskApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        new SysriskStack(app, "Sysrisk", StackProps.builder()
                .description("sysrisk: systemic-risk scoring function (CNN-BiLSTM-attention, DJL on PyTorch)").build(),
                StackSettings.from(app));
        app.synth();
    }
}
