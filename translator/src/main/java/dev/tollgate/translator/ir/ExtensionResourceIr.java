package dev.tollgate.translator.ir;

import dev.tollgate.translator.model.ObjectKey;

/**
 * An object of an extension's kind, as the JSON the extension receives ({@code unstructured_bytes}
 * in the extension protocol).
 */
public record ExtensionResourceIr(ObjectKey key, String json) {}
