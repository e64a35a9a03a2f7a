package org.lracademy.frontend.e2e;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the backend and the frontend jars on free loopback ports, and stops them again. */
final class Servers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    final String backendUrl;
    final String frontendUrl;

    private Servers(String backendUrl, String frontendUrl) {
        this.backendUrl = backendUrl;
        this.frontendUrl = frontendUrl;
    }

    /**
     * Starts both; with the system property {@code academy.e2e.backend-url} the frontend uses that running backend
     * instead of a fresh one.
     */
    static Servers start(Path work) throws IOException, InterruptedException {
        Path frontendJar = jar("academy.frontend-jar");
        String running = System.getProperty("academy.e2e.backend-url", "");
        int backendPort = freePort();
        int frontendPort = freePort();
        Servers servers = new Servers(running.isEmpty() ? "http://127.0.0.1:" + backendPort : running,
                "http://127.0.0.1:" + frontendPort);
        Files.createDirectories(work);
        if (running.isEmpty()) {
            servers.startBackend(work, backendPort);
        }
        servers.launch(work.resolve("frontend.log"), Map.of("ACADEMY_BACKEND_URL", servers.backendUrl),
                "-Dquarkus.http.port=" + frontendPort, "-Dquarkus.http.host=127.0.0.1", "-jar",
                frontendJar.toString());
        servers.await(servers.frontendUrl + "/", "frontend", work.resolve("frontend.log"));
        return servers;
    }

    /** Starts one more frontend, pointed at a backend that is not there; answers its address. */
    String startFrontendWithoutBackend(Path work) throws IOException, InterruptedException {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        launch(work.resolve("frontend-alone.log"), Map.of("ACADEMY_BACKEND_URL", "http://127.0.0.1:" + freePort()),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar",
                jar("academy.frontend-jar").toString());
        await(url + "/", "frontend without backend", work.resolve("frontend-alone.log"));
        return url;
    }

    private void startBackend(Path work, int backendPort) throws IOException, InterruptedException {
        Path backendJar = jar("academy.backend-jar");
        Path data = Files.createDirectories(work.resolve("data"));
        launch(work.resolve("backend.log"), Map.of("ACADEMY_DATA_DIR", data.toString(), "DJL_CACHE_DIR",
                data.resolve("djl").toString()), "-Dquarkus.http.port=" + backendPort,
                "-Dquarkus.http.host=127.0.0.1", "-Dai.djl.offline=true", "-jar", backendJar.toString());
        await(backendUrl + "/q/health/ready", "backend", work.resolve("backend.log"));
    }

    private static Path jar(String property) {
        Path jar = Path.of(System.getProperty(property, ""));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(property + " = '" + jar + "' is not a file; build with ./mvnw package");
        }
        return jar;
    }

    private void launch(Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        processes.add(builder.start());
    }

    private void await(String url, String name, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("The " + name + " stopped while starting:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("The " + name + " did not answer " + url + " within two minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
