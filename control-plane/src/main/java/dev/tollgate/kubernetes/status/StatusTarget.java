package dev.tollgate.kubernetes.status;

import dev.tollgate.translator.status.ObjectStatus;

/**
 * What Tollgate wants in one object's status: {@code status} while the translation has one for
 * it ({@code present}); once it has none, the last one, so that Tollgate's part can be removed.
 */
record StatusTarget(ObjectStatus status, boolean present) {}
