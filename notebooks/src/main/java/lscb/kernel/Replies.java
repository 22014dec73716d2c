package lscb.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/** Replies jjava sends incomplete (without "status") or not at all, as the protocol (5.3) has them. */
final class Replies {
  private Replies() {}

  /** kernel_info_reply with its status. */
  static final class KernelInfo extends KernelInfoReply {
    @SuppressWarnings("unused") // read by Gson
    private final String status = "ok";

    KernelInfo(String protocol, String name, String version, LanguageInfo language, String banner,
        List<HelpLink> links) {
      super(protocol, name, version, language, banner, links);
    }
  }

  /** history_reply: the kernel keeps no history, so the list is empty (as the protocol allows). */
  static final class History extends HistoryReply {
    @SuppressWarnings("unused")
    private final String status = "ok";

    History() {
      super(List.of());
    }
  }

  /** execute_reply for a request queued behind a failed cell, as ipykernel answers it. */
  static final class Aborted implements ContentType<Aborted> {
    @SuppressWarnings("unused")
    private final String status = "aborted";

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MessageType<Aborted> getType() {
      return (MessageType) MessageType.EXECUTE_REPLY;
    }
  }
}
