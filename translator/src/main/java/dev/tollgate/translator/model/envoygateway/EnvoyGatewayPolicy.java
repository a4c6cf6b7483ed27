package dev.tollgate.translator.model.envoygateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.ObjectMeta;

/**
 * A {@code gateway.envoyproxy.io/v1alpha1} object (SecurityPolicy, Backend, EnvoyProxy,
 * EnvoyPatchPolicy, EnvoyExtensionPolicy) whose spec is kept as a JSON tree until the feature
 * that reads it binds it to its own types.
 */
public record EnvoyGatewayPolicy(String apiVersion, String kind, ObjectMeta metadata, JsonNode spec)
    implements KubernetesObject {}
