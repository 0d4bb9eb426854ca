package io.radnorm.spark.manifest;

/**
 * One finished output of a run, as recorded when it was committed.
 *
 * @param image the input image's name
 * @param file the output as it was found right after its commit (URI, size, time, ETag)
 * @param overviews the COG writer's summary: overview levels written
 * @param bigTiff the COG writer's summary: whether it is a BigTIFF
 * @param input the input it was made from, as it was then
 * @param correction {@link ModelDigest} of the image's correction it was made with
 */
public record OutputRecord(String image, FileFingerprint file, int overviews, boolean bigTiff, FileFingerprint input,
                           String correction) {
}
