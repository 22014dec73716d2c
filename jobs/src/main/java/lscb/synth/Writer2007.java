package lscb.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The 2007 questionnaire export: UTF-8 JSON Lines, one object per submission, keys in the example's order. */
final class Writer2007 {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(java.time.ZoneOffset.UTC);

  private Writer2007() {}

  /** One JSON object per line, "\n" line ends, UTF-8. Each entry is a return or a verbatim line. */
  static byte[] bytes(List<Object> lines) {
    StringBuilder text = new StringBuilder();
    for (Object line : lines) {
      text.append(line instanceof Return2007 r ? json(r) : (String) line).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON text of one return. */
  static String json(Return2007 r) {
    ObjectNode o = JSON.createObjectNode();
    Nulls n = new Nulls(r.omitsUnanswered);
    o.put("return_id", r.returnId);
    o.put("lscb", r.lscb);
    o.put("submitted", SUBMITTED.format(r.submitted.truncatedTo(ChronoUnit.SECONDS)));
    ObjectNode chair = o.putObject("chair");
    n.text(chair, "type", r.chairType);
    n.text(chair, "post", r.chairPost);
    n.number(chair, "boards_chaired", r.boardsChaired);
    n.number(o, "meetings_per_year", r.meetingsPerYear);
    n.list(o, "subgroups", r.subgroups);
    n.bool(o, "executive_group", r.executiveGroup);
    ObjectNode members = o.putObject("members");
    r.members.forEach(members::put);
    n.number(o, "contributing_organisations", r.contributingOrganisations);
    ObjectNode funding = o.putObject("funding");
    n.number(funding, "expenditure_2006_07", r.expenditure);
    n.number(funding, "planned_2007_08", r.planned);
    if (r.contributions != null) {
      ObjectNode contributions = funding.putObject("contributions");
      for (Map.Entry<String, Long> e : r.contributions.entrySet()) {
        contributions.put(e.getKey(), e.getValue());
      }
    } else if (!r.omitsUnanswered) {
      funding.putNull("contributions");
    }
    n.list(o, "highest_costs", r.highestCosts);
    n.text(o, "lead_member", r.leadMember);
    n.bool(o, "chief_executive_contact", r.chiefExecutiveContact);
    n.list(o, "priorities", r.priorities);
    n.bool(o, "consulted_children", r.consultedChildren);
    n.text(o, "cdop", r.cdop);
    if (r.scrCommissioned == null && r.scrCompleted == null) {
      n.text(o, "serious_case_reviews", null);
    } else {
      ObjectNode scr = o.putObject("serious_case_reviews");
      n.number(scr, "commissioned", r.scrCommissioned);
      n.number(scr, "completed", r.scrCompleted);
    }
    ObjectNode performance = o.putObject("performance");
    n.bool(performance, "subcommittee", r.performanceSubcommittee);
    n.bool(performance, "local_measures", r.performanceLocalMeasures);
    n.bool(performance, "peer_review", r.performancePeerReview);
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write return " + r.returnId, e);
    }
  }

  /** Writes a value, or shows "not answered" the respondent's way: key left out, or null. */
  private record Nulls(boolean omit) {
    void text(ObjectNode o, String key, String value) {
      if (value != null) {
        o.put(key, value);
      } else if (!omit) {
        o.putNull(key);
      }
    }

    void number(ObjectNode o, String key, Number value) {
      if (value != null) {
        o.put(key, value.longValue());
      } else if (!omit) {
        o.putNull(key);
      }
    }

    void bool(ObjectNode o, String key, Boolean value) {
      if (value != null) {
        o.put(key, value);
      } else if (!omit) {
        o.putNull(key);
      }
    }

    void list(ObjectNode o, String key, List<String> values) {
      if (values != null) {
        ArrayNode array = o.putArray(key);
        values.forEach(array::add);
      } else if (!omit) {
        o.putNull(key);
      }
    }
  }
}
