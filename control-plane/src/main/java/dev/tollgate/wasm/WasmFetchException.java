package dev.tollgate.wasm;

/** A module that could not be fetched, or is not a Wasm module; the message says which and why. */
public final class WasmFetchException extends Exception {
  public WasmFetchException(String message) {
    super(message);
  }

  public WasmFetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
