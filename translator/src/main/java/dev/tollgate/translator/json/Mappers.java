package dev.tollgate.translator.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.translator.admission.FieldPaths;
import java.util.List;
import java.util.Map;

/** The project's Jackson configuration, in one place. */
public final class Mappers {

  /**
   * Generated configuration is read back from its protojson (a map keyed by a user's name, a long
   * inline value): it was bounded when read as input, so Jackson's default limits on names and
   * strings must not fail it here.
   */
  private static final StreamReadConstraints GENERATED = StreamReadConstraints.builder()
      .maxNameLength(64 * 1024 * 1024)
      .maxStringLength(256 * 1024 * 1024)
      .build();
  private static final ObjectMapper JSON = configure(JsonMapper.builder(
      JsonFactory.builder().streamReadConstraints(GENERATED).build())).build();
  private static final ObjectMapper YAML =
      configure(
              YAMLMapper.builder(
                  YAMLFactory.builder()
                      .streamReadConstraints(GENERATED)
                      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                      .disable(YAMLGenerator.Feature.SPLIT_LINES)
                      .build()))
          .build();

  private Mappers() {}

  private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B builder) {
    builder
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Kubernetes rejects "80" for an integer field; so does Tollgate.
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // isTrue()-style helpers on records are not properties.
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
        .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)));
    return builder;
  }

  /** Reads and writes JSON; the model and IR bind through it. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** Reads and writes YAML with the same settings as {@link #json()}. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** {@code rules[0].matches} from a Jackson error's path, relative to the tree that was bound. */
  public static String path(JsonMappingException e) {
    String path = "";
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path = FieldPaths.child(path, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path = FieldPaths.index(path, ref.getIndex());
      }
    }
    return path;
  }
}
