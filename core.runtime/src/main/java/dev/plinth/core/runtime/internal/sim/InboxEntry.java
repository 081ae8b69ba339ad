package dev.plinth.core.runtime.internal.sim;

import dev.plinth.core.runtime.internal.form.PendingForm;

/** Something a simulated player received, as one line of text. */
sealed interface InboxEntry {

    /** {@return the entry as {@code sim:inbox} prints it} */
    String render();

    /** A chat message. */
    record Message(String text) implements InboxEntry {
        @Override
        public String render() {
            return "message: " + text;
        }
    }

    /** A title with its subtitle and timings in ticks. */
    record Title(String title, String subtitle, int fadeIn, int stay, int fadeOut) implements InboxEntry {
        @Override
        public String render() {
            return "title: " + title + " | " + subtitle + " (fade in " + fadeIn + ", stay " + stay + ", fade out "
                    + fadeOut + ")";
        }
    }

    /** A line above the hot bar. */
    record ActionBar(String text) implements InboxEntry {
        @Override
        public String render() {
            return "action bar: " + text;
        }
    }

    /** A toast notification. */
    record Toast(String title, String content) implements InboxEntry {
        @Override
        public String render() {
            return "toast: " + title + " | " + content;
        }
    }

    /** A form, shown with its current state. */
    record FormShown(PendingForm form) implements InboxEntry {
        @Override
        public String render() {
            return form.describe();
        }
    }

    /** The player was disconnected. */
    record Kicked(String reason) implements InboxEntry {
        @Override
        public String render() {
            return "kicked: " + reason;
        }
    }

    /** The player was sent to another server. */
    record Transferred(String address, int port) implements InboxEntry {
        @Override
        public String render() {
            return "transferred: " + address + ":" + port;
        }
    }
}
