package de.vorlauf.webadmin.probe;

import de.vorlauf.ingest.progress.IngestProgressCheck;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ingest} block of the worker's {@code /health} in words and numbers for the status page
 * ("live lane: subscribed; backlog 0 messages in flight, 0 readings queued; lag 1.2 s"), instead of
 * the raw JSON it showed before.
 */
final class WorkerIngestWords {

  private WorkerIngestWords() {}

  /** Facts in display order: ingestion, then one per lane. */
  static Map<String, String> facts(JsonObject ingest) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put(
        "ingestion",
        "%s; %s readings stored, %s duplicates, %s quarantined since the worker started"
            .formatted(
                ingest.getString("state", "unknown"),
                count(ingest, "readingsStored"),
                count(ingest, "readingsDuplicate"),
                count(ingest, "quarantined")));
    JsonArray lanes = ingest.getJsonArray("lanes");
    if (lanes != null) {
      for (JsonValue value : lanes) {
        JsonObject lane = value.asJsonObject();
        facts.put(lane.getString("lane", "?") + " lane", lane(lane));
      }
    }
    return facts;
  }

  private static String lane(JsonObject lane) {
    StringBuilder words = new StringBuilder();
    words.append(
        !lane.getBoolean("connected", false)
            ? "not connected to the broker"
            : lane.getBoolean("subscribed", false) ? "subscribed" : "connected, not subscribed");
    words.append(
        "; backlog %s messages in flight (%s unacknowledged), %s readings queued"
            .formatted(
                count(lane, "inFlight"), count(lane, "unacknowledged"), count(lane, "queuedRows")));
    JsonValue lag = lane.get("lagSeconds");
    words.append(
        lag instanceof JsonNumber seconds
            ? "; lag " + duration(seconds.doubleValue())
            : "; nothing committed yet");
    long stalled =
        lane.getJsonNumber("stalledSeconds") == null
            ? 0
            : lane.getJsonNumber("stalledSeconds").longValue();
    if (stalled > 0) {
      words
          .append("; nothing acknowledged for ")
          .append(stalled < 90 ? stalled + " s" : duration(stalled));
    }
    return words.toString();
  }

  private static String count(JsonObject json, String field) {
    JsonNumber number = json.getJsonNumber(field);
    return number == null ? "?" : String.format(Locale.ENGLISH, "%,d", number.longValue());
  }

  /** 0.4 s, 12 min, 3 h 12 min, 2 d 4 h: as the ingestion card and the self-check say it. */
  static String duration(double seconds) {
    return IngestProgressCheck.duration(seconds);
  }
}
