package org.gutsignal.spark;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under another scheme, {@code copyonly:}: to the Spark jobs a remote Hadoop file system (as HDFS or
 * S3 are), so they take the path they take there — copy each file to the executor's temporary folder and profile the
 * copy. Registered with {@code fs.copyonly.impl}.
 */
public class CopyOnlyFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "copyonly";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
