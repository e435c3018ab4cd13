package io.sysrisk.research.data;

import io.sysrisk.data.MarketData;

/**
 * A data file as parsed, and the SHA-256 of the very bytes that were parsed (one read of the file): what a model's
 * provenance records is then the data it was trained on.
 */
public record ReadData(MarketData data, String sha256) {
}
