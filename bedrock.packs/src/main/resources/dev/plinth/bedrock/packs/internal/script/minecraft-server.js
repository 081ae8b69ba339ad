// @minecraft/server as Plinth offers it to a behavior pack's script: the members a server-side behavior script uses
// most, built on the MC-RS `mc` API of the JavaScript host (its events, players, worlds and tasks belong to the pack's
// bundle and go when the pack stops). Reading any other member throws "... is not supported by Plinth".
// Called once per pack with the host's bridge ({ currentTick() }); returns the module's exports.
(function (bridge) {
  'use strict';
  const mc = globalThis.mc;
  // Members a runtime reads to probe an object (promises, JSON, printing): never an error, always undefined.
  const PROBES = new Set(['then', 'toJSON', 'constructor', 'valueOf', 'toString', 'inspect', 'prototype', 'length']);
  const strict = (path, target) => new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key in object || PROBES.has(key)) return Reflect.get(object, key, receiver);
      throw new Error(`${path}.${key} is not supported by Plinth`);
    },
  });
  const unsupported = (path) => strict(path, function () {
    throw new Error(`${path} is not supported by Plinth`);
  });

  // Messages: a string, a RawMessage ({ text } / { translate } / { rawtext: [...] }) or an array of them.
  const text = (message) => {
    if (message === undefined || message === null) return '';
    if (typeof message !== 'object') return String(message);
    if (Array.isArray(message)) return message.map(text).join('');
    if (message.rawtext) return text(message.rawtext);
    if (message.text !== undefined) return String(message.text);
    if (message.translate !== undefined) return String(message.translate);
    return String(message);
  };
  const vector = (position) => ({ x: position.x, y: position.y, z: position.z });
  const dimensionId = (name) => `minecraft:${name}`;
  const worldName = (id) => String(id).replace(/^minecraft:/, '');

  class Dimension {
    constructor(handle) {
      this.id = dimensionId(handle.name());
      Object.defineProperty(this, 'handle', { value: handle });
    }
    getBlock(location) {
      const block = this.handle.get_block(vector(location));
      return block === null || block === undefined ? undefined : wrapBlock(this, block);
    }
    spawnEntity(identifier, location) {
      const entity = this.handle.spawn_entity(String(identifier), vector(location));
      if (!entity) throw new Error(`spawnEntity: no entity type '${identifier}' in this world`);
      return wrap(entity);
    }
    getPlayers() {
      return Array.from(this.handle.players(), wrap);
    }
  }

  class Block {
    constructor(dimension, block) {
      this.dimension = dimension;
      this.typeId = block.name;
      this.location = { x: block.x, y: block.y, z: block.z };
      this.isAir = block.name === 'minecraft:air';
    }
    setType(type) {
      this.dimension.handle.set_block(this.location, typeof type === 'string' ? type : type.id);
      this.typeId = typeof type === 'string' ? type : type.id;
      this.isAir = this.typeId === 'minecraft:air';
    }
  }
  const wrapBlock = (dimension, block) => strict('Block', new Block(dimension, block));

  class EntityHealthComponent {
    constructor(entity) {
      Object.defineProperty(this, 'entity', { value: entity });
      this.typeId = 'minecraft:health';
    }
    get currentValue() { return this.entity.handle.health(); }
    get effectiveMax() { return this.entity.handle.max_health(); }
    get defaultValue() { return this.entity.handle.max_health(); }
    setCurrentValue(value) { this.entity.handle.set_health(Number(value)); return true; }
    resetToMaxValue() { this.entity.handle.set_health(this.entity.handle.max_health()); }
  }

  class Entity {
    constructor(handle) {
      Object.defineProperty(this, 'handle', { value: handle });
    }
    get id() { return String(this.handle.id()); }
    get typeId() { return this.handle.type(); }
    get location() { return vector(this.handle.position()); }
    get dimension() { return strict('Dimension', new Dimension(this.handle.world())); }
    isValid() { return this.handle.is_valid(); }
    getComponent(id) {
      const name = String(id).replace(/^minecraft:/, '');
      if (name === 'health') return strict('EntityHealthComponent', new EntityHealthComponent(this));
      throw new Error(`Entity.getComponent('${id}') is not supported by Plinth (only minecraft:health)`);
    }
    hasComponent(id) { return String(id).replace(/^minecraft:/, '') === 'health'; }
    teleport(location) { this.handle.teleport(vector(location)); }
    remove() { this.handle.remove(); }
  }

  class Player extends Entity {
    get name() { return this.handle.name(); }
    get typeId() { return 'minecraft:player'; }
    sendMessage(message) { this.handle.send_message(text(message)); }
  }

  const wrap = (handle) => {
    if (handle === null || handle === undefined) return undefined;
    return typeof handle.name === 'function' && typeof handle.send_message === 'function'
      ? strict('Player', new Player(handle)) : strict('Entity', new Entity(handle));
  };

  // An event signal: subscribers in order; the first subscriber puts one mc.on handler in place. A subscriber that
  // throws is reported and the others still run, as Bedrock's script engine does.
  const signal = (path, sources) => {
    const subscribers = [];
    let listening = false;
    const dispatch = (event) => {
      for (const callback of subscribers.slice()) {
        try {
          callback(event);
        } catch (e) {
          console.error(`${path} subscriber failed: ${e && e.stack ? e.stack : e}`);
        }
      }
    };
    return strict(path, {
      subscribe(callback) {
        if (typeof callback !== 'function') throw new TypeError(`${path}.subscribe: the callback must be a function`);
        if (!listening) {
          listening = true;
          for (const [name, convert, options] of sources) {
            mc.on(name, (event) => {
              if (subscribers.length > 0) convert(event, dispatch);
            }, options);
          }
        }
        subscribers.push(callback);
        return callback;
      },
      unsubscribe(callback) {
        const index = subscribers.indexOf(callback);
        if (index >= 0) subscribers.splice(index, 1);
      },
    });
  };
  const AFTER = { priority: 'MONITOR' };

  const afterEvents = strict('world.afterEvents', {
    playerSpawn: signal('world.afterEvents.playerSpawn', [
      ['player_join', (e, emit) => emit({ player: wrap(e.player), initialSpawn: true }), AFTER],
      ['player_respawn', (e, emit) => emit({ player: wrap(e.player), initialSpawn: false }), AFTER],
    ]),
    playerLeave: signal('world.afterEvents.playerLeave', [
      ['player_quit', (e, emit) => emit({ playerId: String(e.player.id()), playerName: e.player.name() }), AFTER],
    ]),
    chatSend: signal('world.afterEvents.chatSend', [
      ['player_chat', (e, emit) => { if (!e.cancelled) emit({ sender: wrap(e.player), message: e.message }); }, AFTER],
    ]),
    entityDie: signal('world.afterEvents.entityDie', [
      ['entity_death', (e, emit) => emit({ deadEntity: wrap(e.entity), damageSource: { cause: e.cause } }), AFTER],
      ['player_death', (e, emit) => emit({
        deadEntity: wrap(e.player),
        damageSource: { cause: e.cause, damagingEntity: wrap(e.killer) },
      }), AFTER],
    ]),
    playerBreakBlock: signal('world.afterEvents.playerBreakBlock', [
      ['player_break_block', (e, emit) => {
        if (e.cancelled) return;
        const player = wrap(e.player);
        const dimension = player.dimension;
        emit({
          player,
          dimension,
          // the block as it is once broken: the event is dispatched before the world changes
          block: wrapBlock(dimension, { name: 'minecraft:air', x: e.block.x, y: e.block.y, z: e.block.z }),
          brokenBlockPermutation: strict('BlockPermutation', { type: { id: e.block.name } }),
        });
      }, AFTER],
    ]),
  });

  const beforeEvents = strict('world.beforeEvents', {
    chatSend: signal('world.beforeEvents.chatSend', [
      ['player_chat', (e, emit) => {
        const event = { sender: wrap(e.player), message: e.message, cancel: false };
        emit(event);
        if (event.cancel) {
          e.cancel();
        } else if (event.message !== e.message) {
          e.message = String(event.message);
        }
      }, { priority: 'NORMAL' }],
    ]),
  });

  const world = strict('world', {
    afterEvents,
    beforeEvents,
    sendMessage(message) { mc.broadcast(text(message)); },
    getPlayers(options) {
      const players = Array.from(mc.get_players(), wrap);
      return options && options.name !== undefined ? players.filter((p) => p.name === options.name) : players;
    },
    getAllPlayers() { return Array.from(mc.get_players(), wrap); },
    getDimension(id) {
      const handle = mc.get_world(worldName(id));
      if (!handle) throw new Error(`world.getDimension: no dimension '${id}'`);
      return strict('Dimension', new Dimension(handle));
    },
  });

  const ticks = (value, what) => {
    const n = value === undefined ? 1 : Math.floor(Number(value));
    if (!Number.isFinite(n) || n < 0) throw new TypeError(`${what}: the tick delay must be a whole number >= 0`);
    return n;
  };
  const system = strict('system', {
    run(callback) { return mc.schedule_task(1, callback); },
    runTimeout(callback, delay) { return mc.schedule_task(Math.max(1, ticks(delay, 'system.runTimeout')), callback); },
    runInterval(callback, period) {
      const every = Math.max(1, ticks(period, 'system.runInterval'));
      return mc.schedule_repeating(every, callback, every);
    },
    clearRun(id) { mc.cancel_task(id); },
    get currentTick() { return bridge.currentTick(); },
  });

  return {
    world,
    system,
    Player,
    Entity,
    Dimension,
    Block,
    EntityHealthComponent,
    ItemStack: unsupported('ItemStack'),
    BlockPermutation: unsupported('BlockPermutation'),
    EntityComponentTypes: unsupported('EntityComponentTypes'),
    EquipmentSlot: unsupported('EquipmentSlot'),
    GameMode: unsupported('GameMode'),
  };
})
