package io.sysrisk.serving.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The risk page's data ({@code /} serves the page itself, from META-INF/resources). Thin over {@link MonitorService}. */
@Path("/monitor")
@Produces(MediaType.APPLICATION_JSON)
public class MonitorResource {

    @Inject
    MonitorService monitor;

    @Inject
    EvidenceService evidence;

    @GET
    @Path("overview")
    @Operation(summary = "The served model as the risk page needs it, and the embedded markets it can score")
    public MonitorService.Overview overview() {
        return monitor.overview();
    }

    @GET
    @Path("markets/{id}/history")
    @Operation(summary = "One chunk of an embedded market's scored history (the same scores as POST /score)")
    public MonitorService.HistoryChunk history(@PathParam("id") String id,
                                               @QueryParam("chunk") @DefaultValue("0") String chunk,
                                               @QueryParam("preference") String preference) {
        return monitor.history(id, chunk(chunk), preference(preference));
    }

    @POST
    @Path("upload/history")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "One chunk of the scored history of an uploaded date,close CSV")
    public MonitorService.HistoryChunk uploadedHistory(String csv,
                                                       @QueryParam("chunk") @DefaultValue("0") String chunk,
                                                       @QueryParam("preference") String preference) {
        return monitor.uploadedHistory(csv, chunk(chunk), preference(preference));
    }

    @GET
    @Path("markets/{id}/window")
    @Operation(summary = "The window ending on a date: score, attention per date, raw features")
    public MonitorService.WindowDetail window(@PathParam("id") String id, @QueryParam("date") String date,
                                              @QueryParam("preference") String preference) {
        return monitor.window(id, date, preference(preference));
    }

    @POST
    @Path("upload/window")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "The window ending on a date of an uploaded date,close CSV")
    public MonitorService.WindowDetail uploadedWindow(String csv, @QueryParam("date") String date,
                                                      @QueryParam("preference") String preference) {
        return monitor.uploadedWindow(csv, date, preference(preference));
    }

    /** The alarm's preference, absent for the function's default, or a 400 saying what it must be. */
    private static Double preference(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new io.sysrisk.serving.InvalidRequestException("preference '" + text + "' is not a number: one of "
                    + "GET /model's alarms.offered");
        }
    }

    /** The chunk number, or a 400 saying what it must be (JAX-RS would answer a bad number with a bare 404). */
    private static int chunk(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new io.sysrisk.serving.InvalidRequestException("chunk '" + text + "' is not a number: 0, 1, ...");
        }
    }

    @GET
    @Path("system")
    @Operation(summary = "A systemic model's global gauges (VIX, term spread, absorption ratio) from the state it "
            + "carries")
    public MonitorService.SystemView system() {
        return monitor.system();
    }

    @GET
    @Path("attribution")
    @Operation(summary = "Every embedded market on one day: how much each group of inputs moved its probability "
            + "from the baseline (exact Shapley values of the groups)")
    public MonitorService.SystemAttribution attribution(@QueryParam("date") String date) {
        return monitor.systemAttribution(date);
    }

    @GET
    @Path("evidence")
    @Operation(summary = "The served model's leave-one-market-out evidence, trimmed from its committed report")
    public ObjectNode evidence() {
        ObjectNode e = evidence.evidence();
        if (e == null) {
            throw new NotFoundException("the served model has no committed report");
        }
        return e;
    }

    @GET
    @Path("report")
    @Produces("text/markdown; charset=utf-8")
    @Operation(summary = "The served model's committed report (markdown)")
    public String report() {
        String text = evidence.reportText();
        if (text == null) {
            throw new NotFoundException("the served model has no committed report");
        }
        return text;
    }
}
