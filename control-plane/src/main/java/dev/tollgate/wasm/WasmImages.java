package dev.tollgate.wasm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The Wasm module inside an image's layer, in the formats Envoy Gateway documents: a Docker or
 * OCI image whose one layer is a tar (gzipped or not) holding {@code plugin.wasm}, or an OCI
 * artifact whose layer is the module itself. Whatever comes out must start as Wasm does.
 */
public final class WasmImages {

  private static final String MODULE = "plugin.wasm";
  private static final byte[] MAGIC = {0, 'a', 's', 'm'};
  /** Larger modules are refused: a gzipped layer could otherwise unpack to anything. */
  static final long MAX_MODULE_BYTES = 128L << 20;

  private WasmImages() {}

  static byte[] module(String image, String mediaType, byte[] layer) throws WasmFetchException {
    byte[] module = mediaType.contains("wasm") && !mediaType.contains("tar") ? layer : fromTar(image, layer);
    if (!isWasm(module)) {
      throw new WasmFetchException(image + ": the image does not hold a Wasm module (its " + MODULE + " does not start with \\0asm)");
    }
    return module;
  }

  static boolean isWasm(byte[] data) {
    if (data.length < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (data[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] fromTar(String image, byte[] layer) throws WasmFetchException {
    boolean gzip = layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b;
    try (InputStream raw = gzip ? new GZIPInputStream(new ByteArrayInputStream(layer)) : new ByteArrayInputStream(layer);
         TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (entry.isFile() && name.equals(MODULE)) {
          if (entry.getSize() > MAX_MODULE_BYTES) {
            throw new WasmFetchException(image + ": its " + MODULE + " is larger than " + MAX_MODULE_BYTES + " bytes");
          }
          return tar.readNBytes((int) entry.getSize());
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new WasmFetchException(image + ": the image's layer is not a readable tar archive: " + e.getMessage(), e);
    }
    throw new WasmFetchException(image + ": the image's layer holds no " + MODULE);
  }
}
