welcome-message = Welcome, {$name}! You are visitor number {$count}.
hello = Hello, {$name}!
server-ready = Hello Mod is ready.
