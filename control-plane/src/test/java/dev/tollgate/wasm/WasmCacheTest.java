package dev.tollgate.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmCacheTest {

  @TempDir Path dir;

  private static byte[] module(int size, byte fill) {
    byte[] m = new byte[size];
    java.util.Arrays.fill(m, fill);
    System.arraycopy(RegistryClientTest.MODULE, 0, m, 0, RegistryClientTest.MODULE.length);
    return m;
  }

  @Test
  void modules_areStoredByContent_andSurviveANewInstance() throws Exception {
    byte[] m = module(100, (byte) 1);
    String sha = new WasmCache(dir, 1000).put(m);
    assertThat(sha).isEqualTo(Digests.sha256(m));
    assertThat(dir.resolve(sha + ".wasm")).exists();
    assertThat(new WasmCache(dir, 1000).get(sha)).contains(m);
    assertThat(new WasmCache(dir, 1000).contains(sha)).isTrue();
    assertThat(new WasmCache(dir, 1000).contains("f".repeat(64))).isFalse();
    assertThat(new WasmCache(dir, 1000).get("f".repeat(64))).isEmpty();
    assertThat(new WasmCache(dir, 1000).get("../etc/passwd")).isEmpty();
  }

  @Test
  void theLeastRecentlyUsed_goFirst_whenTheBoundIsPassed() throws Exception {
    WasmCache cache = new WasmCache(dir, 250);
    String a = cache.put(module(100, (byte) 1));
    Thread.sleep(20);
    String b = cache.put(module(100, (byte) 2));
    Thread.sleep(20);
    cache.get(a); // a is now more recent than b
    Thread.sleep(20);
    String c = cache.put(module(100, (byte) 3));
    assertThat(cache.get(b)).isEmpty();
    assertThat(cache.get(a)).isPresent();
    assertThat(cache.get(c)).isPresent();
  }

  @Test
  void aFileChangedOnDisk_isNotServed() throws Exception {
    WasmCache cache = new WasmCache(dir, 1000);
    String sha = cache.put(module(100, (byte) 1));
    Files.write(dir.resolve(sha + ".wasm"), module(100, (byte) 9));
    assertThat(cache.get(sha)).isEmpty();
    assertThat(dir.resolve(sha + ".wasm")).doesNotExist();
  }
}
