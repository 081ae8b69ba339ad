package dev.plinth.client;

/**
 * What a client's transfers added up to.
 *
 * @param downloadedFiles files downloaded (whole or resumed)
 * @param downloadedBytes bytes received over the network
 * @param cachedFiles files found in the cache instead
 * @param resumedFiles files whose download continued a partial one
 */
public record TransferTotals(long downloadedFiles, long downloadedBytes, long cachedFiles, long resumedFiles) {}
