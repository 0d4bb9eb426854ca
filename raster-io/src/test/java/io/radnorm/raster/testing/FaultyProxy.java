package io.radnorm.raster.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;

/**
 * A fault-injecting HTTP/1.1 proxy on 127.0.0.1 in front of an S3 endpoint (normally an
 * {@link S3ProxyServer}): what S3 clients meet on the internet, on demand.
 *
 * <pre>{@code
 * try (FaultyProxy proxy = FaultyProxy.start(s3)) {
 *     proxy.everyKthGet(3, Fault.SLOW_DOWN);           // every 3rd GET answers 503 SlowDown
 *     proxy.firstGets(2, Fault.RESET);                  // the first 2 GETs: connection reset
 *     proxy.firstRequests(1, Fault.SLOW_DOWN);          // the next request of any method (a HEAD)
 *     proxy.always("/bucket/secret.tif", Fault.FORBIDDEN);
 *     Configuration conf = proxy.hadoopConf();          // s3a:// through the proxy
 * }
 * }</pre>
 *
 * <p>Faults ({@link Fault}): a reset connection (TCP RST instead of an answer), a 503
 * {@code SlowDown} error document (S3's throttling answer), a body cut off mid-way with the
 * connection closed (the client sees a premature end of a Content-Length body), a short but
 * well-formed body (fewer bytes than asked, consistent headers: the client sees a clean EOF
 * early), and permanent 403 {@code AccessDenied} / 404 {@code NoSuchKey} answers.
 *
 * <p>Every rule counts the requests it matches; of the rules that fire on a request, the one added
 * first decides its fault, and a request no rule takes is forwarded untouched. {@code everyKthGet}
 * and {@code firstGets} count the GETs whose path contains their key filter (every GET by
 * default), so with one rule a retry of a faulted GET is the next GET and passes. Connections are kept alive as
 * the client asks; each client connection has its own upstream connection.
 *
 * <p>Plain Java sockets, one thread per connection: for tests, not for load.
 */
public final class FaultyProxy implements AutoCloseable {

    /** What the proxy does to a request a rule picked. */
    public enum Fault {
        /** Reads the request, then resets the connection (TCP RST) without answering. */
        RESET,
        /** Answers 503 with S3's {@code SlowDown} error document; nothing is forwarded. */
        SLOW_DOWN,
        /** Forwards, sends the headers and half the body, then closes the connection. */
        TRUNCATE,
        /** Forwards and answers with the first half of the body, headers adjusted to match. */
        SHORT_BODY,
        /** Answers 403 {@code AccessDenied}; nothing is forwarded. */
        FORBIDDEN,
        /** Answers 404 {@code NoSuchKey}; nothing is forwarded. */
        NOT_FOUND
    }

    private static final String HOST = "127.0.0.1";

    private final ServerSocket server;
    private final int upstreamPort;
    private final Configuration baseConf;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile boolean closed;

    private FaultyProxy(ServerSocket server, int upstreamPort, Configuration baseConf) {
        this.server = server;
        this.upstreamPort = upstreamPort;
        this.baseConf = baseConf;
    }

    /** Starts a proxy in front of {@code s3}; {@link #hadoopConf()} is its configuration, redirected. */
    public static FaultyProxy start(S3ProxyServer s3) throws IOException {
        return start(s3.port(), s3.hadoopConf());
    }

    /** Starts a proxy forwarding to {@code 127.0.0.1:upstreamPort}. */
    public static FaultyProxy start(int upstreamPort, Configuration baseConf) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName(HOST));
        FaultyProxy proxy = new FaultyProxy(server, upstreamPort, baseConf);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String endpoint() {
        return "http://" + HOST + ":" + server.getLocalPort();
    }

    /** The upstream's Hadoop configuration with {@code fs.s3a.endpoint} pointing at this proxy. */
    public Configuration hadoopConf() {
        Configuration conf = baseConf != null ? new Configuration(baseConf) : new Configuration();
        conf.set("fs.s3a.endpoint", endpoint());
        return conf;
    }

    /** Every k-th GET (the k-th, 2k-th, ...) whose path contains {@code keyContains} gets {@code fault}. */
    public FaultyProxy everyKthGet(int k, Fault fault, String keyContains) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k);
        }
        rules.add(new Rule(fault, keyContains, true, k, 0));
        return this;
    }

    /** Every k-th GET gets {@code fault}. */
    public FaultyProxy everyKthGet(int k, Fault fault) {
        return everyKthGet(k, fault, "");
    }

    /** The first {@code n} GETs whose path contains {@code keyContains} get {@code fault}. */
    public FaultyProxy firstGets(int n, Fault fault, String keyContains) {
        rules.add(new Rule(fault, keyContains, true, 0, n));
        return this;
    }

    /** The first {@code n} GETs get {@code fault}. */
    public FaultyProxy firstGets(int n, Fault fault) {
        return firstGets(n, fault, "");
    }

    /** The first {@code n} requests of any method (HEAD, GET, PUT, LIST...) get {@code fault}. */
    public FaultyProxy firstRequests(int n, Fault fault) {
        rules.add(new Rule(fault, "", false, 0, n));
        return this;
    }

    /** Every request (any method) whose path contains {@code keyContains} gets {@code fault}. */
    public FaultyProxy always(String keyContains, Fault fault) {
        rules.add(new Rule(fault, keyContains, false, 1, 0));
        return this;
    }

    /** Removes every rule: from now on the proxy only forwards. Counters are kept. */
    public FaultyProxy clearFaults() {
        rules.clear();
        return this;
    }

    /** Requests received so far (any method). */
    public int requests() {
        return requests.get();
    }

    /** GET requests received so far. */
    public int gets() {
        return gets.get();
    }

    /** Faults injected so far. */
    public int faultsInjected() {
        return injected.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "FaultyProxy[" + endpoint() + " -> " + upstreamPort + ", " + requests() + " requests, "
                + faultsInjected() + " faults]";
    }

    /** A fault for matching requests: GETs only (counted) or any method (always). */
    private static final class Rule {
        final Fault fault;
        final String keyContains;
        final boolean getsOnly;
        final int every;
        final int first;
        final AtomicInteger matched = new AtomicInteger();

        Rule(Fault fault, String keyContains, boolean getsOnly, int every, int first) {
            this.fault = fault;
            this.keyContains = keyContains == null ? "" : keyContains;
            this.getsOnly = getsOnly;
            this.every = every;
            this.first = first;
        }

        boolean fires(String method, String target) {
            if ((getsOnly && !method.equals("GET")) || !target.contains(keyContains)) {
                return false;
            }
            int n = matched.incrementAndGet();
            return every > 0 ? n % every == 0 : n <= first;
        }
    }

    /** Every rule counts the request (so each rule's period is its own), the first that fires wins. */
    private Fault faultFor(String method, String target) {
        Fault fault = null;
        for (Rule r : rules) {
            if (r.fires(method, target) && fault == null) {
                fault = r.fault;
            }
        }
        return fault;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("FaultyProxy: accept failed: " + e);
                }
                return;
            }
        }
    }

    /** One client connection: requests in turn, each forwarded or faulted, until either side closes. */
    private void serve(Socket client) {
        Socket upstream = null;
        InputStream upstreamIn = null;
        try {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (!closed) {
                Message request = Message.read(in, true, null);
                if (request == null) {
                    return; // the client closed the connection
                }
                requests.incrementAndGet();
                if (request.method().equals("GET")) {
                    gets.incrementAndGet();
                }
                if (request.header("expect") != null) {
                    // Answer "100 Continue" ourselves and forward without Expect: one exchange upstream.
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    request.removeHeader("expect");
                }
                request.readBody(in);
                Fault fault = faultFor(request.method(), request.target());
                if (fault != null) {
                    injected.incrementAndGet();
                }
                if (fault == Fault.RESET) {
                    client.setSoLinger(true, 0);
                    return;
                }
                if (fault == Fault.SLOW_DOWN || fault == Fault.FORBIDDEN || fault == Fault.NOT_FOUND) {
                    writeError(out, request, fault);
                    continue;
                }
                if (upstream == null || upstream.isClosed()) {
                    upstream = new Socket(HOST, upstreamPort);
                    upstream.setTcpNoDelay(true);
                    open.add(upstream);
                    upstreamIn = new BufferedInputStream(upstream.getInputStream());
                }
                OutputStream up = upstream.getOutputStream();
                request.write(up);
                up.flush();
                Message response = Message.read(upstreamIn, false, request.method());
                if (response == null) {
                    throw new EOFException("upstream closed the connection");
                }
                response.readBody(response.source);
                boolean hasBody = response.body != null && response.body.length > 1;
                if (fault == Fault.TRUNCATE && hasBody) {
                    response.writeHead(out);
                    out.write(response.body, 0, response.body.length / 2);
                    out.flush();
                    return; // close mid-body
                }
                if (fault == Fault.SHORT_BODY && hasBody) {
                    response.shorten(response.body.length / 2);
                }
                response.write(out);
                out.flush();
                if (response.closesConnection()) {
                    return;
                }
                if ("close".equalsIgnoreCase(request.header("connection"))) {
                    return;
                }
            }
        } catch (SocketException | EOFException e) {
            // A side went away; nothing to answer.
        } catch (IOException e) {
            if (!closed) {
                System.err.println("FaultyProxy: " + e);
            }
        } finally {
            closeQuietly(client);
            open.remove(client);
            if (upstream != null) {
                closeQuietly(upstream);
                open.remove(upstream);
            }
        }
    }

    private static void writeError(OutputStream out, Message request, Fault fault) throws IOException {
        int status;
        String reason, code, message;
        switch (fault) {
            case SLOW_DOWN -> {
                status = 503;
                reason = "Slow Down";
                code = "SlowDown";
                message = "Please reduce your request rate.";
            }
            case FORBIDDEN -> {
                status = 403;
                reason = "Forbidden";
                code = "AccessDenied";
                message = "Access Denied";
            }
            default -> {
                status = 404;
                reason = "Not Found";
                code = "NoSuchKey";
                message = "The specified key does not exist.";
            }
        }
        String path = request.target().replaceAll("\\?.*", "");
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><Resource>" + path + "</Resource><RequestId>FAULTY"
                + Integer.toHexString(System.identityHashCode(request)).toUpperCase(Locale.ROOT)
                + "</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        boolean head = request.method().equals("HEAD");
        String headers = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: application/xml\r\n"
                + "x-amz-request-id: FAULTY\r\n"
                + "Content-Length: " + (head ? 0 : body.length) + "\r\n\r\n";
        out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Best effort.
        }
    }

    /**
     * One HTTP/1.1 request or response: start line, headers in order, and the body, read whole
     * (test objects are small). Chunked bodies are de-chunked and sent on with a Content-Length.
     */
    private static final class Message {
        final String startLine;
        final List<String[]> headers;
        final boolean isRequest;
        final String requestMethod;
        InputStream source;
        byte[] body;
        boolean untilClose;

        private Message(String startLine, List<String[]> headers, boolean isRequest, String requestMethod) {
            this.startLine = startLine;
            this.headers = headers;
            this.isRequest = isRequest;
            this.requestMethod = requestMethod;
        }

        /** Reads the start line and headers; null if the stream ends before a message starts. */
        static Message read(InputStream in, boolean isRequest, String requestMethod) throws IOException {
            String start = readLine(in);
            while (start != null && start.isEmpty()) {
                start = readLine(in);
            }
            if (start == null) {
                return null;
            }
            List<String[]> headers = new ArrayList<>();
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
            }
            Message m = new Message(start, headers, isRequest, requestMethod);
            m.source = in;
            return m;
        }

        String method() {
            return startLine.substring(0, startLine.indexOf(' '));
        }

        String target() {
            String[] parts = startLine.split(" ");
            return parts.length > 1 ? parts[1] : "";
        }

        int status() {
            return Integer.parseInt(startLine.split(" ")[1]);
        }

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        void removeHeader(String name) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        }

        void setHeader(String name, String value) {
            removeHeader(name);
            headers.add(new String[] {name, value});
        }

        boolean closesConnection() {
            return untilClose || "close".equalsIgnoreCase(header("connection"));
        }

        void readBody(InputStream in) throws IOException {
            boolean noBody = isRequest ? false
                    : "HEAD".equals(requestMethod) || status() / 100 == 1 || status() == 204 || status() == 304;
            String te = header("transfer-encoding");
            String cl = header("content-length");
            if (noBody) {
                body = null;
            } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = readChunked(in);
                removeHeader("transfer-encoding");
                setHeader("Content-Length", Integer.toString(body.length));
            } else if (cl != null) {
                body = in.readNBytes(Integer.parseInt(cl));
                if (body.length < Integer.parseInt(cl)) {
                    throw new EOFException("body ended early");
                }
            } else if (isRequest) {
                body = new byte[0];
            } else {
                body = in.readAllBytes(); // delimited by the end of the connection
                untilClose = true;
            }
        }

        /** Keeps the first {@code n} bytes, with Content-Length and Content-Range to match. */
        void shorten(int n) {
            byte[] shorter = java.util.Arrays.copyOf(body, n);
            String range = header("content-range");
            if (range != null && range.startsWith("bytes ")) {
                String[] r = range.substring(6).split("[-/]");
                long first = Long.parseLong(r[0]);
                setHeader("Content-Range", "bytes " + first + "-" + (first + n - 1) + "/" + r[2]);
            }
            setHeader("Content-Length", Integer.toString(n));
            body = shorter;
        }

        void writeHead(OutputStream out) throws IOException {
            StringBuilder sb = new StringBuilder(startLine).append("\r\n");
            for (String[] h : headers) {
                sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            sb.append("\r\n");
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        }

        void write(OutputStream out) throws IOException {
            writeHead(out);
            if (body != null) {
                out.write(body);
            }
        }

        private static byte[] readChunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    throw new EOFException("chunked body ended early");
                }
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                if (size == 0) {
                    for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                        // Trailers are dropped.
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size) {
                    throw new EOFException("chunk ended early");
                }
                body.write(chunk);
                readLine(in); // CRLF after the chunk
            }
        }

        /** A CRLF- (or LF-) terminated line in ISO-8859-1, without the terminator; null at end of stream. */
        private static String readLine(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }
    }
}
