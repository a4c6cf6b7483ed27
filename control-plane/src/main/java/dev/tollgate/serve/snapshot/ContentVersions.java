package dev.tollgate.serve.snapshot;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Versions derived from content: a resource's version is a hash of its canonical encoding, a
 * type's a hash of its resources' names and versions. Equal configuration gives equal versions, in
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

  /**
   * The type's version from its resources' names and versions, in name order; the empty type has
   * one too, so "nothing" is a version a proxy can ACK. Hashing versions instead of encodings
   * keeps this proportional to the number of resources, not to their size.
   */
  static String ofType(List<String> names, List<String> versions) {
    Hasher h = Hashing.sha256().newHasher();
    for (int i = 0; i < names.size(); i++) {
      h.putString(names.get(i), StandardCharsets.UTF_8).putByte((byte) 0)
          .putString(versions.get(i), StandardCharsets.UTF_8).putByte((byte) 0);
    }
    return h.hash().toString().substring(0, LENGTH);
  }

  /**
   * Whether two encodings hold the same bytes. A Gateway generated again has new encodings,
   * mostly of unchanged resources: comparing them (a vectorized mismatch) costs a fraction of
   * hashing them.
   */
  static boolean sameBytes(ByteString a, ByteString b) {
    if (a == b) {
      return true;
    }
    return a != null && b != null && a.size() == b.size() && a.asReadOnlyByteBuffer().equals(b.asReadOnlyByteBuffer());
  }
}
