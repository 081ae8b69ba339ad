console.log("Hello Mod on the client");
