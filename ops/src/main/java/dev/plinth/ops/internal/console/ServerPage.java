package dev.plinth.ops.internal.console;

import dev.plinth.core.runtime.player.Player;
import dev.plinth.core.runtime.server.Server;
import dev.plinth.core.runtime.tick.GameThread;
import dev.plinth.core.runtime.tick.TickStatistics;
import dev.plinth.ops.internal.resmon.ResourceCost;
import dev.plinth.ops.internal.resmon.ResourceMonitor;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's Server page ({@code /system/console/plinth-server}): ticks per second and milliseconds per tick
 * (as {@code server:mspt} shows them), a chart of the last 600 ticks' durations against the 50 ms budget, the
 * players online, and the {@code resource:top} table; refreshed every second from {@code data.json}.
 *
 * <p>Called on HTTP threads; the player list is read on the game thread (at most 2 s of waiting).
 */
@Component(service = Servlet.class, property = {"felix.webconsole.label=" + ServerPage.LABEL,
    "felix.webconsole.title=Server", "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class ServerPage extends ConsolePage {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String LABEL = "plinth-server";

    private final transient GameThread game;
    private final transient Server server;
    private final transient TickHistory ticks;
    private final transient ResourceMonitor monitor;

    /**
     * Creates the page.
     *
     * @param game the game loop, for the tick statistics and to read the players
     * @param server the server, for its name and players
     * @param ticks the recent ticks
     * @param monitor what each running script resource costs
     */
    @Activate
    public ServerPage(@Reference GameThread game, @Reference Server server, @Reference TickHistory ticks,
            @Reference ResourceMonitor monitor) {
        this.game = game;
        this.server = server;
        this.ticks = ticks;
        this.monitor = monitor;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (action(request).equals("data.json")) {
            json(response, HttpServletResponse.SC_OK, data());
        }
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, MARKUP, SCRIPT.replace("@LABEL@", LABEL));
    }

    private Data data() {
        TickStatistics stats = game.statistics();
        return new Data(server.name(), stats.tick(), stats.paused(), stats.last5s(), stats.last1m(),
                stats.overruns(), ticks.recent(), players(), monitor.costs());
    }

    private List<String> players() {
        try {
            return game.submit(() -> server.onlinePlayers().stream().map(Player::name).sorted().toList())
                    .get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            return List.of("(the game thread did not answer within 2 s)");
        }
    }

    /**
     * What the page shows.
     *
     * @param name the server's name
     * @param tick the last tick
     * @param paused whether the clock is paused
     * @param last5s the last 100 ticks
     * @param last1m the last 1200 ticks
     * @param overruns ticks over 50 ms since the start
     * @param recent tick number and milliseconds of the last 600 ticks
     * @param players the players online
     * @param resmon what each running script resource costs, slowest first
     */
    record Data(String name, long tick, boolean paused, TickStatistics.Window last5s, TickStatistics.Window last1m,
            long overruns, double[][] recent, List<String> players, List<ResourceCost> resmon) {}

    private static final String MARKUP = """
            <style>#plinth-server dt{font-weight:bold} #plinth-server dd{margin:0 0 .5em 0}</style>
            <div id="plinth-server">
              <h2 id="server-name"></h2>
              <dl>
                <dt>Ticks per second</dt><dd id="server-tps"></dd>
                <dt>Milliseconds per tick (mean / p99 / max, last 5 s and last minute)</dt><dd id="server-mspt"></dd>
                <dt>Ticks over 50 ms since the start</dt><dd id="server-overruns"></dd>
                <dt>Players online</dt><dd id="server-players"></dd>
              </dl>
              <canvas id="server-chart" width="900" height="200" style="border:1px solid #ccc"
                aria-label="tick durations of the last 600 ticks"></canvas>
              <h3>What each resource costs (resource:top)</h3>
              <table id="server-resmon" class="tablelayout">
                <thead><tr><th>Resource</th><th>Language</th><th>ms/tick</th><th>max ms</th><th>tick %</th>
                  <th>Calls</th><th>Work</th><th>Allocated</th><th>Retained</th><th>Offences</th></tr></thead>
                <tbody></tbody>
              </table>
              <p>Java plugins are not measured here (event:stats shows their event handlers).</p>
            </div>
            """;

    private static final String SCRIPT = """
            const serverBase = '@LABEL@/';
            function ms(w) {
              return w.meanMs.toFixed(2) + ' / ' + w.p99Ms.toFixed(2) + ' / ' + w.maxMs.toFixed(2);
            }
            function draw(recent) {
              const canvas = document.getElementById('server-chart');
              const g = canvas.getContext('2d');
              g.clearRect(0, 0, canvas.width, canvas.height);
              const top = Math.max(60, ...recent.map(t => t[1]));
              const y = v => canvas.height - v / top * canvas.height;
              g.strokeStyle = '#b00';
              g.beginPath(); g.moveTo(0, y(50)); g.lineTo(canvas.width, y(50)); g.stroke();
              g.fillStyle = '#b00'; g.fillText('50 ms', 4, y(50) - 3);
              g.strokeStyle = '#06c';
              g.beginPath();
              recent.forEach((t, i) => {
                const x = i * canvas.width / 600;
                if (i === 0) g.moveTo(x, y(t[1])); else g.lineTo(x, y(t[1]));
              });
              g.stroke();
            }
            async function refresh() {
              let d;
              try { d = await plinthGet(serverBase + 'data.json'); } catch (e) { return; }
              document.getElementById('server-name').textContent = d.name + (d.paused ? ' (paused)' : '');
              document.getElementById('server-tps').textContent =
                  d.last5s.tps.toFixed(1) + ' (last 5 s), ' + d.last1m.tps.toFixed(1) + ' (last minute)';
              document.getElementById('server-mspt').textContent = ms(d.last5s) + ' ms; ' + ms(d.last1m) + ' ms';
              document.getElementById('server-overruns').textContent = d.overruns;
              document.getElementById('server-players').textContent =
                  d.players.length === 0 ? 'none' : d.players.length + ': ' + d.players.join(', ');
              draw(d.recent);
              const body = document.querySelector('#server-resmon tbody');
              body.replaceChildren();
              const kib = b => b === 0 ? '-' : (b / 1024).toFixed(1) + ' KiB';
              for (const c of d.resmon) {
                const row = body.insertRow();
                row.id = 'resmon-' + c.resource;
                plinthCell(row, c.resource);
                plinthCell(row, c.language);
                plinthCell(row, c.msPerTickMean.toFixed(3));
                plinthCell(row, c.msPerTickMax.toFixed(3));
                plinthCell(row, (c.tickShare * 100).toFixed(2));
                plinthCell(row, c.calls);
                plinthCell(row, c.work);
                plinthCell(row, kib(c.allocatedBytes));
                plinthCell(row, kib(c.retainedBytes));
                plinthCell(row, c.offences);
              }
            }
            refresh();
            setInterval(refresh, 1000);
            """;
}
