welcome-message = Benvenuto, {$name}! Sei il visitatore numero {$count}.
hello = Ciao, {$name}!
server-ready = Hello Mod è pronto.
