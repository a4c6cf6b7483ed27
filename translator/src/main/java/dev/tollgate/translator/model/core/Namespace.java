package dev.tollgate.translator.model.core;

import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;

/** Core v1 Namespace (cluster-scoped); its labels feed listeners' namespace selectors. */
public record Namespace(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {}
