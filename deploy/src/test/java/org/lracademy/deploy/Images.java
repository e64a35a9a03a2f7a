package org.lracademy.deploy;

/** Splits container image references: repository, then an optional tag after the last colon of the last path part. */
final class Images {

    private Images() {
    }

    static String repository(String image) {
        int colon = tagColon(image);
        return colon < 0 ? image : image.substring(0, colon);
    }

    static String tag(String image) {
        int colon = tagColon(image);
        return colon < 0 ? "" : image.substring(colon + 1);
    }

    private static int tagColon(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? colon : -1;
    }
}
