package dev.tollgate.translator.envoycel;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes Envoy offers an expression while it authorizes a request (Envoy's "Attributes"
 * reference), typed, so that a misspelt attribute or a comparison of the wrong types is found
 * before Envoy sees the expression. {@code response.*} and {@code upstream.*} are left out on
 * purpose: they are not known yet when authorization runs, so an expression reading them could
 * never be true. Hand-written because no library publishes Envoy's vocabulary as CEL types.
 */
final class EnvoyAttributes {

  private static final MapType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.STRING);
  private static final MapType DYN_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);

  /** Top-level variable → the type of its value. */
  static final ImmutableMap<String, CelType> VARIABLES;
  private static final ImmutableMap<String, CelType> TYPES;

  static {
    Map<String, StructType> structs = new LinkedHashMap<>();
    structs.put("request", struct("envoy.attributes.Request", fields(
        "path", SimpleType.STRING, "url_path", SimpleType.STRING, "host", SimpleType.STRING,
        "scheme", SimpleType.STRING, "method", SimpleType.STRING, "headers", STRING_MAP,
        "referer", SimpleType.STRING, "useragent", SimpleType.STRING, "time", SimpleType.TIMESTAMP,
        "id", SimpleType.STRING, "protocol", SimpleType.STRING, "query", SimpleType.STRING,
        "duration", SimpleType.DURATION, "size", SimpleType.INT, "total_size", SimpleType.INT)));
    StructType peer = struct("envoy.attributes.Peer", fields("address", SimpleType.STRING, "port", SimpleType.INT));
    structs.put("source", peer);
    structs.put("destination", peer);
    structs.put("connection", struct("envoy.attributes.Connection", fields(
        "id", SimpleType.UINT, "mtls", SimpleType.BOOL, "requested_server_name", SimpleType.STRING,
        "tls_version", SimpleType.STRING, "subject_local_certificate", SimpleType.STRING,
        "subject_peer_certificate", SimpleType.STRING, "dns_san_local_certificate", SimpleType.STRING,
        "dns_san_peer_certificate", SimpleType.STRING, "uri_san_local_certificate", SimpleType.STRING,
        "uri_san_peer_certificate", SimpleType.STRING, "sha256_peer_certificate", SimpleType.STRING,
        "transport_failure_reason", SimpleType.STRING, "termination_details", SimpleType.STRING)));
    structs.put("metadata", struct("envoy.config.core.v3.Metadata", fields(
        "filter_metadata", DYN_MAP, "typed_filter_metadata", DYN_MAP)));
    structs.put("xds", struct("envoy.attributes.Xds", fields(
        "node", SimpleType.DYN, "cluster_name", SimpleType.STRING, "cluster_metadata", SimpleType.DYN,
        "listener_direction", SimpleType.INT, "listener_metadata", SimpleType.DYN,
        "route_name", SimpleType.STRING, "route_metadata", SimpleType.DYN,
        "virtual_host_name", SimpleType.STRING, "virtual_host_metadata", SimpleType.DYN,
        "upstream_host_metadata", SimpleType.DYN, "filter_chain_name", SimpleType.STRING)));
    ImmutableMap.Builder<String, CelType> variables = ImmutableMap.builder();
    ImmutableMap.Builder<String, CelType> types = ImmutableMap.builder();
    structs.forEach((name, type) -> variables.put(name, type));
    structs.values().stream().distinct().forEach(t -> types.put(t.name(), t));
    variables.put("filter_state", MapType.create(SimpleType.STRING, SimpleType.BYTES));
    VARIABLES = variables.buildOrThrow();
    TYPES = types.buildOrThrow();
  }

  private EnvoyAttributes() {}

  /** The struct types above, for the checker to resolve field selections on. */
  static CelTypeProvider typeProvider() {
    return new CelTypeProvider() {
      @Override
      public ImmutableList<CelType> types() {
        return TYPES.values().asList();
      }

      @Override
      public Optional<CelType> findType(String name) {
        return Optional.ofNullable(TYPES.get(name));
      }
    };
  }

  private static StructType struct(String name, ImmutableMap<String, CelType> fields) {
    return StructType.create(name, ImmutableSet.copyOf(fields.keySet()), f -> Optional.ofNullable(fields.get(f)));
  }

  private static ImmutableMap<String, CelType> fields(Object... nameThenType) {
    ImmutableMap.Builder<String, CelType> b = ImmutableMap.builder();
    for (int i = 0; i < nameThenType.length; i += 2) {
      b.put((String) nameThenType[i], (CelType) nameThenType[i + 1]);
    }
    return b.buildOrThrow();
  }
}
