// A resource written in TypeScript. The JavaScript host compiles it with TypeScript's own compiler when it loads:
// no Node.js, no build step. Errors name this file and its lines.
import { type Greeter, failing, greeting } from './greeting';

interface State {
  greeted: number;
}

let greeted: number = 0;
const greeter: Greeter = { prefix: "Hello" };

mc.on("player_join", (event: any): void => {
  event.player.send_message(greeting(greeter, event.player.name()));
});

mc.register_command("greet-ts", {
  description: "Greets you, from TypeScript",
  execute: (player: any): void => {
    greeted++;
    player.send_message(`${greeting(greeter, player.name())} (greeting #${greeted})`);
  },
});

mc.register_command("fail-ts", {
  description: "Fails, to show where",
  execute: (): void => failing([]),
});

export function onAttach(): void {
  console.log(`hello-ts attached (${greeted} greetings so far)`);
}

// Hot reload: the count survives an edit of this file.
export function onSaveState(): State {
  return { greeted };
}

export function onRestoreState(state: State): void {
  greeted = state.greeted;
}
