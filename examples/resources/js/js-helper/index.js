// A Staminal library mod: other mods import it with `import { wait } from "@js-helper"`.
export function wait(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

export class Counter {
    constructor() {
        this.count = 0;
    }

    next() {
        this.count += 1;
        return this.count;
    }
}

export function onAttach() {
    console.log("js-helper attached");
}
