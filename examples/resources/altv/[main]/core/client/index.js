// Client code: sent to clients, never run on the server.
console.log("core client");
