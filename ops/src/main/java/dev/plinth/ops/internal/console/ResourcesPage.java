package dev.plinth.ops.internal.console;

import dev.plinth.core.resource.LifecycleResult;
import dev.plinth.core.resource.ResourceException;
import dev.plinth.core.resource.ResourceInfo;
import dev.plinth.core.resource.ResourceService;
import dev.plinth.core.resource.descriptor.Dependency;
import dev.plinth.ops.internal.resmon.ResourceCost;
import dev.plinth.ops.internal.resmon.ResourceMonitor;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The console's Resources page ({@code /system/console/plinth-resources}): every resource with its type, language,
 * version, state, last error, dependencies and milliseconds per tick ({@link ResourceMonitor}), refreshed every two seconds from {@code data.json}; Start, Stop and
 * Restart buttons POST to {@code action} (CSRF-checked), which calls the same {@link ResourceService} as the shell
 * (this bundle is the system context: the console's user is the server owner), so the checks and error codes are
 * the same and the page shows them ({@code ERR_SYSTEM_RESOURCE: server is a system resource...}).
 *
 * <p>Called on HTTP threads; lifecycle calls block the request until done, as the shell's do.
 */
@Component(service = Servlet.class, property = {"felix.webconsole.label=" + ResourcesPage.LABEL,
    "felix.webconsole.title=Resources", "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class ResourcesPage extends ConsolePage {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String LABEL = "plinth-resources";
    private static final Map<String, BiFunction<ResourceService, String, LifecycleResult>> ACTIONS = Map.of(
            "start", ResourceService::start, "stop", ResourceService::stop, "restart", ResourceService::restart);

    private final transient ResourceService resources;
    private final transient ResourceMonitor monitor;
    private final transient Logger logger;

    /**
     * Creates the page.
     *
     * @param resources the lifecycle, as the system context
     * @param monitor what each running script resource costs per tick
     * @param logger where the console's lifecycle actions are recorded
     */
    @Activate
    public ResourcesPage(@Reference ResourceService resources, @Reference ResourceMonitor monitor,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.resources = resources;
        this.monitor = monitor;
        this.logger = logger;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (action(request).equals("data.json")) {
            json(response, HttpServletResponse.SC_OK, rows());
        }
        // anything else: the console renders the page around renderContent
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!action(request).equals("action")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!checkPost(request, response)) {
            return;
        }
        String name = request.getParameter("name");
        var action = ACTIONS.get(String.valueOf(request.getParameter("action")));
        if (name == null || action == null) {
            json(response, HttpServletResponse.SC_BAD_REQUEST, new ActionAnswer(false, "ERR_INVALID_REQUEST",
                    "expected name=RESOURCE and action=start, stop or restart"));
            return;
        }
        String user = ConsoleSession.user(request).orElse("?");
        try {
            LifecycleResult result = action.apply(resources, name);
            logger.info("web console ({}): {}", user, result.message());
            json(response, HttpServletResponse.SC_OK, new ActionAnswer(true, "", result.message()));
        } catch (ResourceException e) {
            logger.info("web console ({}): {} {} refused: {}", user, request.getParameter("action"), name,
                    e.getMessage());
            json(response, HttpServletResponse.SC_CONFLICT, new ActionAnswer(false, e.code().name(),
                    e.getMessage()));
        }
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, MARKUP, SCRIPT.replace("@LABEL@", LABEL));
    }

    private List<Row> rows() {
        Map<String, Double> msPerTick = monitor.costs().stream()
                .collect(Collectors.toMap(ResourceCost::resource, ResourceCost::msPerTickMean));
        return resources.list().stream().map(info -> Row.of(info, msPerTick.get(info.name()))).toList();
    }

    /**
     * One resource as the page shows it.
     *
     * @param name the name
     * @param type its type
     * @param language its language
     * @param version its version
     * @param state its state
     * @param system whether it is a system resource
     * @param lastError its last error, or empty
     * @param dependencies what it needs, {@code name range} each
     * @param msPerTick the mean time of its calls per tick over the last 100 ticks, {@code null} when it has no
     *     account (not running, or a Java plugin: not measured)
     */
    record Row(String name, String type, String language, String version, String state, boolean system,
            String lastError, List<String> dependencies, @Nullable Double msPerTick) {

        static Row of(ResourceInfo info, @Nullable Double msPerTick) {
            return new Row(info.name(), info.type().id(), info.language().id(), info.version().toString(),
                    info.state().id(), info.system(), info.lastError().orElse(""),
                    info.dependencies().stream().map(Dependency::toString).toList(), msPerTick);
        }
    }

    private static final String MARKUP = """
            <style>
              #plinth-resources td.state-started{color:#080} #plinth-resources td.state-error{color:#b00}
              #plinth-resources td.error{color:#b00;max-width:30em} #plinth-message.fail{color:#b00}
              #plinth-message.ok{color:#080}
            </style>
            <p id="plinth-message" role="status"></p>
            <table id="plinth-resources" class="tablelayout">
              <thead><tr><th>Name</th><th>Type</th><th>Language</th><th>Version</th><th>State</th>
                <th>Dependencies</th><th>ms/tick</th><th>Last error</th><th>Actions</th></tr></thead>
              <tbody></tbody>
            </table>
            """;

    private static final String SCRIPT = """
            const resourcesBase = '@LABEL@/';
            function showMessage(answer) {
              const message = document.getElementById('plinth-message');
              message.textContent = answer.message;
              message.className = answer.ok ? 'ok' : 'fail';
            }
            async function act(name, action) {
              showMessage({ok: true, message: action + ' ' + name + '...'});
              try {
                showMessage(await plinthPost(resourcesBase + 'action', {name: name, action: action}));
              } catch (e) {
                showMessage({ok: false, message: 'the server did not answer: ' + e.message});
              }
              refresh();
            }
            async function refresh() {
              let rows;
              try { rows = await plinthGet(resourcesBase + 'data.json'); } catch (e) { return; }
              const body = document.querySelector('#plinth-resources tbody');
              body.replaceChildren();
              for (const r of rows) {
                const row = body.insertRow();
                row.id = 'resource-' + r.name;
                plinthCell(row, r.name + (r.system ? ' (system)' : ''));
                plinthCell(row, r.type);
                plinthCell(row, r.language);
                plinthCell(row, r.version);
                plinthCell(row, r.state, 'state state-' + r.state);
                plinthCell(row, r.dependencies.join(', '));
                plinthCell(row, r.msPerTick === null ? '-' : r.msPerTick.toFixed(3), 'ms');
                plinthCell(row, r.lastError, 'error');
                const actions = row.insertCell();
                for (const action of ['start', 'stop', 'restart']) {
                  const button = document.createElement('button');
                  button.textContent = action.charAt(0).toUpperCase() + action.slice(1);
                  button.className = 'ui-state-default ui-corner-all action-' + action;
                  button.addEventListener('click', () => act(r.name, action));
                  actions.appendChild(button);
                }
              }
            }
            refresh();
            setInterval(refresh, 2000);
            """;
}
