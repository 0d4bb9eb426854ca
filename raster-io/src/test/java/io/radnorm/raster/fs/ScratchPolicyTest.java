package io.radnorm.raster.fs;

import io.radnorm.raster.testing.S3ProxyServer;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.statistics.IOStatisticsSupport;
import org.apache.hadoop.util.functional.FutureIO;
import org.junit.jupiter.api.Test;

class ScratchPolicyTest {
    @Test
    void compare() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            s3.createBucket("bbb");
            Configuration conf = s3.hadoopConf();
            Path p = new Path("s3a://bbb/x");
            FileSystem fs = p.getFileSystem(conf);
            try (FSDataOutputStream out = fs.create(p)) { TestBytes.write(out, 4 << 20); }
            System.out.println("abortable: " + fs.hasPathCapability(p, "fs.capability.outputstream.abortable"));
            for (String policy : new String[] {"random", "normal", "sequential"}) {
                FSDataInputStream in = FutureIO.awaitFuture(fs.openFile(p).opt("fs.s3a.experimental.input.fadvise", policy).opt("fs.option.openfile.read.policy", policy).build());
                byte[] b = new byte[16384];
                in.readFully(0, b, 0, 16384);
                in.readFully(1_234_567, b, 0, 1000);
                in.readFully((4 << 20) - 5000, b, 0, 5000);
                System.out.println(policy + " before close: " + in);
                in.close();
                System.out.println(policy + ": " + new TreeMap<>(IOStatisticsSupport.retrieveIOStatistics(in).counters()));
            }
            fs.close();
        }
    }
}
