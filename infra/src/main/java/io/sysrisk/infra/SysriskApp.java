package io.sysrisk.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** The CDK app: {@code cdk synth} / {@code cdk deploy} run it (see cdk.json and deploy.sh). */
public final class SysriskApp {
    /** The stack's name; a stage adds its suffix (Sysrisk-prod). */
    public static final String STACK = "Sysrisk";
    /** The evidence study's stack (EMR Serverless), deployed on its own: {@code cdk deploy SysriskStudy}. */
    public static final String STUDY_STACK = "SysriskStudy";

    private SysriskApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        StackSettings settings = StackSettings.from(app);
        new SysriskStack(app, settings.named(STACK), StackProps.builder()
                .description("sysrisk: systemic-risk scoring function (CNN-BiLSTM-attention, DJL on PyTorch)").build(),
                settings);
        Object vcpu = app.getNode().tryGetContext("sysrisk:studyMaxVcpu");
        new SysriskStudyStack(app, settings.named(STUDY_STACK), StackProps.builder()
                .description("sysrisk: the evidence study on EMR Serverless (Apache Spark 4)").build(), settings,
                vcpu == null ? 64 : Integer.parseInt(vcpu.toString()));
        app.synth();
    }
}
