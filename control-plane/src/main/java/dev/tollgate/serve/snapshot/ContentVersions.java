package dev.tollgate.serve.snapshot;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.protobuf.ByteString;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Versions derived from content: a resource's version is a hash of its canonical encoding, a
 * type's of its resources' names and encodings. Equal configuration gives equal versions, in
 * every run, so an unchanged type is never pushed again and a restarted control plane does not
 * make proxies reload.
 */
final class ContentVersions {

  private static final int LENGTH = 16;

  private ContentVersions() {}

  static String ofResource(ByteString encoding) {
    Hasher h = Hashing.sha256().newHasher();
    encoding.asReadOnlyByteBufferList().forEach(h::putBytes);
    return h.hash().toString().substring(0, LENGTH);
  }

  /** The type's version; the empty type has one too, so "nothing" is a version a proxy can ACK. */
  static String ofType(GatewayXds xds, XdsType type) {
    Hasher h = Hashing.sha256().newHasher();
    var resources = xds.resources(type);
    List<ByteString> encodings = xds.encodings(type);
    for (int i = 0; i < resources.size(); i++) {
      h.putString(type.nameOf(resources.get(i)), StandardCharsets.UTF_8).putByte((byte) 0);
      encodings.get(i).asReadOnlyByteBufferList().forEach(h::putBytes);
    }
    return h.hash().toString().substring(0, LENGTH);
  }
}
