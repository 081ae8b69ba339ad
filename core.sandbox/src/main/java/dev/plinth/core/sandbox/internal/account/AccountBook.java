package dev.plinth.core.sandbox.internal.account;

import dev.plinth.core.sandbox.account.Account;
import dev.plinth.core.sandbox.account.AccountSnapshot;
import dev.plinth.core.sandbox.account.Accounts;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link Accounts} service: the open accounts by resource name. Thread-safe.
 */
@Component(service = {Accounts.class, AccountBook.class})
public final class AccountBook implements Accounts {

    private final Map<String, ResourceAccount> open = new ConcurrentHashMap<>();

    @Override
    public Account open(String resource, String language, long workPerTick) {
        var account = new ResourceAccount(resource, language, workPerTick, closed -> open.remove(resource, closed));
        open.put(resource, account);
        return account;
    }

    @Override
    public List<AccountSnapshot> snapshots() {
        return open.values().stream().map(ResourceAccount::snapshot)
                .sorted(Comparator.comparing(AccountSnapshot::resource)).toList();
    }

    @Override
    public Optional<AccountSnapshot> snapshot(String resource) {
        return Optional.ofNullable(open.get(resource)).map(ResourceAccount::snapshot);
    }

    /**
     * The open account of a resource, for the memory guards.
     *
     * @param resource the resource name
     * @return its account, or empty
     */
    public Optional<Account> account(String resource) {
        return Optional.ofNullable(open.get(resource));
    }
}
