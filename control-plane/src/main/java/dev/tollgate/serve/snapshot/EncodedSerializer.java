package dev.tollgate.serve.snapshot;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.server.serializer.ProtoResourcesSerializer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Packs a served resource into its {@code Any} from the canonical encoding the translation already
 * made, once per resource instead of once per proxy and response: java-control-plane's default
 * serializes every resource again for every response, which with a large route configuration and
 * many proxies costs more than everything else a change does.
 *
 * <p>Snapshots add what they serve and remove what they stop serving, so the map holds exactly the
 * served resources (a weak map would keep replaced encodings until old-generation collections and
 * its own clean-up). A resource it does not hold, such as a response of a replaced snapshot still
 * being sent, is packed as usual.
 */
final class EncodedSerializer implements ProtoResourcesSerializer {

  private static final Map<XdsType, String> TYPE_URLS = new EnumMap<>(XdsType.class);

  static {
    for (XdsType t : XdsType.values()) {
      TYPE_URLS.put(t, t.typeUrl());
    }
  }

  /** By identity: equal messages of different snapshots are different entries. */
  private final Map<Message, Any> packed = Collections.synchronizedMap(new IdentityHashMap<>());

  void add(XdsType type, Message resource, ByteString encoding) {
    packed.put(resource, Any.newBuilder().setTypeUrl(TYPE_URLS.get(type)).setValue(encoding).build());
  }

  void remove(Message resource) {
    packed.remove(resource);
  }

  int size() {
    return packed.size();
  }

  @Override
  public Any serialize(Message resource, Resources.ApiVersion apiVersion) {
    Any any = packed.get(resource);
    return any != null ? any : Any.pack(resource);
  }
}
