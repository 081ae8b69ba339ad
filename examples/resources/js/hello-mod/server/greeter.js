export class Greeter {
    constructor(locale) {
        this.locale = locale;
    }

    welcome(player, count) {
        return this.locale.for_player(player).get_with_args("welcome-message", { name: player.name(), count });
    }
}
