package dev.cordon.standalone.gateway;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a request body without holding a thread while it arrives (the container calls back when bytes are there),
 * whole, up to a size cap and within a deadline. Held whole, because a body the services take is small (the cap), and
 * because only a body in hand can go to the next replica when the first one refuses the connection.
 */
final class RequestBody implements ReadListener {

    private final ServletInputStream in;
    private final long limit;
    private final ByteArrayOutputStream buffer;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final byte[] chunk = new byte[8192];
    private long total;

    private RequestBody(ServletInputStream in, long limit, long expected) {
        this.in = in;
        this.limit = limit;
        this.buffer = new ByteArrayOutputStream((int) Math.min(Math.max(expected, 256), limit));
    }

    /**
     * @return the body once it is all there; failed with {@link RefusedBody} past the cap or the deadline, or with
     *         the container's {@link IOException} if the client broke off
     */
    static CompletableFuture<byte[]> read(HttpServletRequest request, long limit, Duration timeout,
            ScheduledExecutorService timer) throws IOException {
        RequestBody body = new RequestBody(request.getInputStream(), limit, request.getContentLengthLong());
        ScheduledFuture<?> deadline = timer.schedule(
                () -> body.result.completeExceptionally(RefusedBody.tooSlow(timeout.toSeconds())),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        body.result.whenComplete((bytes, failure) -> deadline.cancel(false));
        body.in.setReadListener(body);
        return body.result;
    }

    @Override
    public void onDataAvailable() throws IOException {
        int read;
        while (!result.isDone() && in.isReady() && (read = in.read(chunk)) != -1) {
            total += read;
            if (total > limit) {
                result.completeExceptionally(RefusedBody.tooLarge(limit));
                return;
            }
            buffer.write(chunk, 0, read);
        }
    }

    @Override
    public void onAllDataRead() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }
}
