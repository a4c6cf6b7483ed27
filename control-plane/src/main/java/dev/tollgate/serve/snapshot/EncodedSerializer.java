package dev.tollgate.serve.snapshot;

import com.google.common.collect.MapMaker;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.server.serializer.ProtoResourcesSerializer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

/**
 * Packs a served resource into its {@code Any} from the canonical encoding the translation already
 * made, once per resource instead of once per proxy and response: java-control-plane's default
 * serializes every resource again for every response, which with a large route configuration and
 * many proxies costs more than everything else a change does.
 */
final class EncodedSerializer implements ProtoResourcesSerializer {

  private static final Map<XdsType, String> TYPE_URLS = new EnumMap<>(XdsType.class);

  static {
    for (XdsType t : XdsType.values()) {
      TYPE_URLS.put(t, t.typeUrl());
    }
  }

  /** Weak keys compare by identity, so an entry lives as long as the served resource instance. */
  private final ConcurrentMap<Message, Any> packed = new MapMaker().weakKeys().makeMap();

  void record(XdsType type, Message resource, ByteString encoding) {
    packed.computeIfAbsent(resource, r -> Any.newBuilder().setTypeUrl(TYPE_URLS.get(type)).setValue(encoding).build());
  }

  @Override
  public Any serialize(Message resource, Resources.ApiVersion apiVersion) {
    Any any = packed.get(resource);
    return any != null ? any : Any.pack(resource);
  }
}
