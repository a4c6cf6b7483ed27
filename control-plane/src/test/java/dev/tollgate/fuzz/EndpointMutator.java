package dev.tollgate.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes EndpointSlices only, the way a cluster does all day: an address moves, an endpoint
 * turns ready or not ready, starts terminating, goes away or joins, a slice is added or deleted.
 * The rest of the input stays as it was, so a pipeline can take its endpoint fast path.
 */
final class EndpointMutator {

  private final Choices choices;

  EndpointMutator(Choices choices) {
    this.choices = choices;
  }

  /** A copy of the documents with one to three EndpointSlice changes; the same documents when there is no slice. */
  List<JsonNode> mutate(List<JsonNode> documents) {
    List<JsonNode> out = new ArrayList<>();
    documents.forEach(d -> out.add(d.deepCopy()));
    List<ObjectNode> slices = slices(out);
    if (slices.isEmpty()) {
      return out;
    }
    for (int n = 1 + choices.below(3); n > 0; n--) {
      slices = slices(out);
      if (slices.isEmpty()) {
        break;
      }
      ObjectNode slice = slices.get(choices.below(slices.size()));
      ArrayNode endpoints = slice.withArray("endpoints");
      switch (choices.below(7)) {
        case 0 -> { if (!endpoints.isEmpty()) { address(endpoints.get(choices.below(endpoints.size()))); } }
        case 1 -> { if (!endpoints.isEmpty()) { condition(endpoints.get(choices.below(endpoints.size())), "ready"); } }
        case 2 -> { if (!endpoints.isEmpty()) { condition(endpoints.get(choices.below(endpoints.size())), "terminating"); } }
        case 3 -> { if (!endpoints.isEmpty()) { endpoints.remove(choices.below(endpoints.size())); } }
        case 4 -> endpoints.addObject().putArray("addresses").add("10.99." + choices.below(256) + "." + choices.below(256));
        case 5 -> out.remove(slice);
        default -> {
          ObjectNode copy = slice.deepCopy();
          copy.with("metadata").put("name", copy.path("metadata").path("name").asText() + "-" + choices.below(1000));
          out.add(copy);
        }
      }
    }
    return out;
  }

  private void address(JsonNode endpoint) {
    ArrayNode addresses = ((ObjectNode) endpoint).withArray("addresses");
    String address = "10.98." + choices.below(256) + "." + choices.below(256);
    if (addresses.isEmpty()) {
      addresses.add(address);
    } else {
      addresses.set(0, address);
    }
  }

  private void condition(JsonNode endpoint, String name) {
    ObjectNode conditions = ((ObjectNode) endpoint).with("conditions");
    conditions.put(name, !conditions.path(name).asBoolean(name.equals("ready")));
  }

  private static List<ObjectNode> slices(List<JsonNode> documents) {
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode d : documents) {
      if (d instanceof ObjectNode o && "EndpointSlice".equals(o.path("kind").asText()) && o.path("endpoints").isArray()) {
        out.add(o);
      }
    }
    return out;
  }
}
