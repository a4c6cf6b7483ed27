package dev.tollgate.translator.model.core;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;
import java.util.Map;

/** Core v1 ConfigMap (policies read JWKS documents and scripts from it). */
public record ConfigMap(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Map<String, String> data,
    Map<String, String> binaryData)
    implements KubernetesObject {

  public ConfigMap {
    data = data == null ? Map.of() : data;
    binaryData = binaryData == null ? Map.of() : binaryData;
  }
}
