"""lscb-java through a real Jupyter client (jupyter_client, as notebooks and nbconvert use it).

Each test shows one of the kernel's promises: interrupts that keep state, Spark jobs cancelled,
output complete and in order, badly signed and replayed messages dropped, queued cells aborted
after an error, the kernel ending with its parent, magics, rich display, and the settings a kernel
takes from its environment (JJAVA_TIMEOUT, JJAVA_COMPILER_OPTS, SPARK_LOCAL_IP).
Run by lscb.kernel.JupyterProtocolTest (JUPYTER_PATH names the kernelspec, LSCB_TEST_TMP a scratch folder).
"""
import base64
import ipaddress
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
import urllib.request
from queue import Empty

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

KERNEL = "lscb-java"
STARTUP = 180


def kernel_env(**extra):
    env = dict(os.environ)
    env.update(extra)
    return env


def run(kc, code, timeout=60):
    """Executes code; returns (reply content, iopub messages of this request, in order)."""
    msg_id = kc.execute(code)
    return collect(kc, msg_id, timeout)


def collect(kc, msg_id, timeout=60):
    deadline = time.time() + timeout
    outputs = []
    while True:
        remaining = deadline - time.time()
        if remaining <= 0:
            raise AssertionError(f"no idle status for request {msg_id} within {timeout} s")
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        if msg["msg_type"] not in ("status", "execute_input"):
            outputs.append(msg)
    return shell_reply(kc, msg_id, max(1, deadline - time.time())), outputs


def shell_reply(kc, msg_id, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        except Empty:
            continue
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]
    raise AssertionError(f"no shell reply to {msg_id} within {timeout} s")


def wait_for_stdout(kc, msg_id, text, timeout):
    """Reads the request's iopub messages until its stdout shows text (the request goes on running)."""
    deadline = time.time() + timeout
    seen = ""
    while text not in seen:
        if time.time() > deadline:
            raise AssertionError(f"{text!r} not printed within {timeout} s")
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            seen += msg["content"]["text"]


def value(outputs):
    results = [m for m in outputs if m["msg_type"] == "execute_result"]
    return results[-1]["content"]["data"]["text/plain"] if results else None


def stdout(outputs):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def process_ended(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def listening_addresses(pid):
    """The local addresses of a process's listening TCP sockets, read from /proc."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    addresses = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for fields in (line.split() for line in f.readlines()[1:]):
                if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                    raw = bytes.fromhex(fields[1].split(":")[0])
                    raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))  # host-order words
                    address = ipaddress.ip_address(raw)
                    mapped = getattr(address, "ipv4_mapped", None)
                    addresses.append(mapped or address)
    return addresses


def build_artifacts(root):
    """Four tiny classes: one per way of adding code (%maven, %%loadFromPOM, %jars, %classpath)."""
    src = os.path.join(root, "src", "demo")
    os.makedirs(src)
    for name in ("Greeting", "Pommed", "Tool", "Folder"):
        with open(os.path.join(src, name + ".java"), "w") as f:
            f.write(f'package demo; public class {name} {{ public static String hello() {{ return "hello from {name}"; }} }}\n')
    classes = os.path.join(root, "classes")
    subprocess.run(["javac", "-d", classes] + [os.path.join(src, n + ".java") for n in ("Greeting", "Pommed", "Tool", "Folder")],
                   check=True)
    repo = os.path.join(root, "m2")

    def jar(path, name):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        subprocess.run(["jar", "cf", path, "-C", classes, f"demo/{name}.class"], check=True)

    for artifact, name in (("greeting", "Greeting"), ("pommed", "Pommed")):
        folder = os.path.join(repo, "demo", "lscb", artifact, "1.0")
        jar(os.path.join(folder, f"{artifact}-1.0.jar"), name)
        with open(os.path.join(folder, f"{artifact}-1.0.pom"), "w") as f:
            f.write("<project><modelVersion>4.0.0</modelVersion><groupId>demo.lscb</groupId>"
                    f"<artifactId>{artifact}</artifactId><version>1.0</version></project>\n")
    jar(os.path.join(root, "lib", "tool.jar"), "Tool")
    folder_classes = os.path.join(root, "folder")
    os.makedirs(os.path.join(folder_classes, "demo"))
    os.rename(os.path.join(classes, "demo", "Folder.class"), os.path.join(folder_classes, "demo", "Folder.class"))
    with open(os.path.join(root, "setup.jsh"), "w") as f:
        f.write('int loaded = 7;\nString who() { return "jsh"; }\n')
    return repo


class KernelClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(dir=os.environ.get("LSCB_TEST_TMP"))
        cls.repo = build_artifacts(cls.tmp)
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=STARTUP,
                                          env=kernel_env(JDK_JAVA_OPTIONS=f"-Dmaven.repo.local={cls.repo}"))

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def raw(self, port):
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.linger = 0
        socket.connect(f"tcp://{self.km.ip}:{port}")
        self.addCleanup(socket.close)
        time.sleep(0.3)  # let the connection settle before sending
        return socket

    def signed(self, msg_type, content):
        session = Session(key=self.km.session.key, signature_scheme="hmac-sha256")
        msg = session.msg(msg_type, content)
        return msg, session.serialize(msg)

    def test_interrupt_stops_an_endless_loop_and_keeps_variables(self):
        self.assertEqual(run(self.kc, "int kept = 41;")[0]["status"], "ok")
        msg_id = self.kc.execute("while (true) {}")
        time.sleep(2)
        started = time.time()
        self.km.interrupt_kernel()
        reply, outputs = collect(self.kc, msg_id, timeout=30)
        print(f"\n  interrupt of while (true): answered in {time.time() - started:.1f} s", file=sys.stderr)
        self.assertEqual(reply["status"], "error", "the interrupted cell ends with an error")
        self.assertIn("interrupted", reply["evalue"], "the error says the cell was interrupted")
        reply, outputs = run(self.kc, "kept + 1")
        self.assertEqual(value(outputs), "42", "the next cell runs and an earlier variable kept its value")

    def test_interrupt_cancels_a_long_spark_job_and_keeps_the_session(self):
        reply, outputs = run(self.kc, textwrap.dedent("""\
            var spark = org.apache.spark.sql.SparkSession.builder().appName("interrupt").master("local[2]").getOrCreate();
            int rows = 3;
            var jobEnds = new java.util.concurrent.CopyOnWriteArrayList<String>();
            spark.sparkContext().addSparkListener(new org.apache.spark.scheduler.SparkListener() {
              @Override public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
                System.out.println("spark job started");
              }
              @Override public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd end) {
                jobEnds.add(String.valueOf(end.jobResult()));
              }
            });
            spark.conf().get("spark.driver.host") + " " + spark.conf().get("spark.driver.bindAddress")"""), timeout=180)
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(value(outputs), "127.0.0.1 127.0.0.1", "Spark listens on the loopback address only")
        exposed = [str(a) for a in listening_addresses(self.km.provisioner.pid) if not a.is_loopback]
        self.assertEqual(exposed, [], "with a default Spark session, the kernel listens on no address but loopback")
        msg_id = self.kc.execute(
            'spark.sql("SELECT sum(crc32(cast(id AS string))) FROM range(0, 1000000000000, 1, 2)").collect()')
        wait_for_stdout(self.kc, msg_id, "spark job started", timeout=120)
        time.sleep(2)
        started = time.time()
        self.km.interrupt_kernel()
        reply, _ = collect(self.kc, msg_id, timeout=60)
        print(f"\n  interrupt of a Spark job: answered in {time.time() - started:.1f} s", file=sys.stderr)
        self.assertEqual(reply["status"], "error", "the interrupted Spark cell ends with an error")
        reply, outputs = run(self.kc, textwrap.dedent("""\
            for (int i = 0; i < 100 && jobEnds.isEmpty(); i++) Thread.sleep(100); // Spark's listener bus is asynchronous
            spark.sparkContext().statusTracker().getActiveJobIds().length + " " + spark.range(rows).count() + " "
                + jobEnds"""), timeout=120)
        self.assertEqual(reply["status"], "ok", reply)
        active, count, ends = value(outputs).split(" ", 2)
        self.assertEqual((active, count), ("0", "3"), "no job left running; the session and a variable still work")
        self.assertIn("cancel", ends.lower(), "the long job ended cancelled")

    def test_two_hundred_thousand_lines_arrive_complete_and_in_order(self):
        started = time.time()
        reply, outputs = run(self.kc, 'for (int i = 0; i < 200_000; i++) System.out.println("line " + i);',
                             timeout=300)
        self.assertEqual(reply["status"], "ok")
        text = stdout(outputs)
        streams = sum(1 for m in outputs if m["msg_type"] == "stream")
        print(f"\n  200,000 lines: {len(text)} characters in {streams} messages, {time.time() - started:.1f} s",
              file=sys.stderr)
        self.assertEqual(text, "".join(f"line {i}\n" for i in range(200_000)), "every line, once, in order")
        self.assertLess(streams, 20_000, "output is batched, not one message per line")

    def test_a_badly_signed_message_is_dropped_and_the_channels_go_on(self):
        for port in (self.km.shell_port, self.km.control_port):
            socket = self.raw(port)
            msg, frames = self.signed("execute_request", {
                "code": 'System.out.println("BAD RAN"); int badRan = 1;', "silent": False,
                "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            frames[1] = b"0" * 64
            socket.send_multipart(frames)
            time.sleep(0.5)
        reply, outputs = run(self.kc, "int goodRan = 2;\ngoodRan")
        self.assertEqual(value(outputs), "2", "a good message after a bad one runs")
        reply, _ = run(self.kc, "badRan")
        self.assertEqual(reply["status"], "error", "the badly signed cell never ran, so badRan is undefined")
        control = self.raw(self.km.control_port)
        msg, frames = self.signed("kernel_info_request", {})
        control.send_multipart(frames)
        self.assertTrue(control.poll(10_000), "the control channel still answers after a bad message")
        self.assertIn(b"kernel_info_reply", b"".join(control.recv_multipart()))

    def test_a_replayed_message_runs_once(self):
        run(self.kc, "int counter = 0;")
        socket = self.raw(self.km.shell_port)
        msg, frames = self.signed("execute_request", {
            "code": "counter++;", "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        socket.send_multipart(frames)
        self.assertTrue(socket.poll(30_000), "the first copy is answered")
        socket.recv_multipart()
        socket.send_multipart(frames)
        self.assertFalse(socket.poll(3_000), "the replayed copy is not answered")
        reply, outputs = run(self.kc, "counter")
        self.assertEqual(value(outputs), "1", "the replayed message did not run a second time")

    def test_queued_cells_after_an_error_are_aborted(self):
        first = self.kc.execute('Thread.sleep(1500); throw new IllegalStateException("first fails");')
        second = self.kc.execute("int afterFailure = 1;")
        third = self.kc.execute("afterFailure")
        statuses = [collect(self.kc, msg_id, timeout=60)[0]["status"] for msg_id in (first, second, third)]
        self.assertEqual(statuses, ["error", "aborted", "aborted"], "as ipykernel: the queue is aborted")
        reply, _ = run(self.kc, "afterFailure")
        self.assertEqual(reply["status"], "error", "the aborted cell did not run")
        self.assertEqual(value(run(self.kc, "1 + 1")[1]), "2", "the kernel runs cells again afterwards")

    def test_a_cell_sent_after_an_error_reply_runs(self):
        for round in range(30):
            reply, _ = run(self.kc, 'throw new IllegalStateException("fails");')
            self.assertEqual(reply["status"], "error")
            reply, outputs = run(self.kc, f"{round} + 1")
            self.assertEqual(reply["status"], "ok",
                             f"round {round}: only cells queued before the error reply are aborted: {reply}")
            self.assertEqual(value(outputs), str(round + 1))

    def test_maven_jars_classpath_and_pom_magics_add_code_and_load_runs_a_script(self):
        reply, _ = run(self.kc, 'Class.forName("demo.Greeting")')
        self.assertEqual(reply["status"], "error", "demo.Greeting is not on the classpath before %maven")
        reply, outputs = run(self.kc, "%maven demo.lscb:greeting:1.0\ndemo.Greeting.hello()", timeout=120)
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(value(outputs), "hello from Greeting", "%maven resolved the artifact from the local repository")
        pom = ("%%loadFromPOM\n<dependencies><dependency><groupId>demo.lscb</groupId><artifactId>pommed</artifactId>"
               "<version>${v}</version></dependency></dependencies><properties><v>1.0</v></properties>")
        self.assertEqual(run(self.kc, pom, timeout=120)[0]["status"], "ok")
        self.assertEqual(value(run(self.kc, "demo.Pommed.hello()")[1]), "hello from Pommed")
        reply, outputs = run(self.kc, f"%jars {self.tmp}/lib/*.jar\n%classpath {self.tmp}/folder\n"
                                      "demo.Tool.hello() + \", \" + demo.Folder.hello()")
        self.assertEqual(value(outputs), "hello from Tool, hello from Folder", "%jars and %classpath")
        reply, outputs = run(self.kc, f"%load {self.tmp}/setup.jsh\nloaded + who()")
        self.assertEqual(value(outputs), "7jsh", "%load ran the .jsh file's declarations")
        reply, _ = run(self.kc, "%maven demo.lscb:missing:9.9", timeout=120)
        self.assertEqual(reply["status"], "error")
        self.assertIn("cannot resolve", reply["evalue"])
        self.assertNotIn("\n", reply["evalue"], "one line")

    def test_display_shows_images_as_png_and_updates_by_id(self):
        reply, outputs = run(self.kc, textwrap.dedent("""\
            var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
            display(image);
            String id = display("first", "text/plain");
            updateDisplay(id, "second");
            display(svg("<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>"));
            display(latex("$x^2$"));
            render(Map.of("a", 1), "text/plain")"""))
        self.assertEqual(reply["status"], "ok", reply)
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        png = base64.b64decode(shown[0]["content"]["data"]["image/png"])
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n", "display(image) shows a PNG")
        update = [m for m in outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(update), 1)
        self.assertEqual(update[0]["content"]["transient"]["display_id"], shown[1]["content"]["transient"]["display_id"],
                         "updateDisplay targets the display it was given")
        self.assertEqual(update[0]["content"]["data"]["text/plain"], "second")
        self.assertIn("image/svg+xml", shown[2]["content"]["data"])
        self.assertIn("text/latex", shown[3]["content"]["data"])
        self.assertEqual(value(outputs), "{a=1}")

    def test_inspection_anywhere_in_a_name_with_javadoc_and_magic_completion(self):
        msg_id = self.kc.inspect("Math.max(1, 2)", cursor_pos=6)
        reply = shell_reply(self.kc, msg_id, 30)
        self.assertTrue(reply["found"], reply)
        text = reply["data"]["text/plain"]
        self.assertIn("Math.max(int a, int b)", text, "the signature of the name under the cursor")
        self.assertIn("Returns the greater of two", text, "javadoc from the JDK's sources (openjdk-17-source)")
        msg_id = self.kc.complete("%ma", 3)
        reply = shell_reply(self.kc, msg_id, 30)
        self.assertEqual(set(reply["matches"]), {"%maven", "%mavenRepo"})

    def test_history_and_kernel_info_replies_are_complete(self):
        msg_id = self.kc.history(hist_access_type="tail", n=5)
        self.assertEqual(shell_reply(self.kc, msg_id, 30)["status"], "ok", "history_request is answered")
        msg_id = self.kc.kernel_info()
        info = shell_reply(self.kc, msg_id, 30)
        self.assertEqual(info["status"], "ok")
        self.assertEqual(info["language_info"]["name"], "java")
        self.assertTrue(info["help_links"], "help links are listed")


class SeparateKernelTest(unittest.TestCase):
    """Kernels started for one test each: settings from the environment, and a parent that dies."""

    def test_a_cell_past_jjava_timeout_is_stopped_and_the_kernel_goes_on(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=STARTUP,
                                  env=kernel_env(JJAVA_TIMEOUT="3000", JJAVA_STARTUP_SCRIPT="int fromStartup = 5;"))
        try:
            run(kc, "int before = 1;")
            started = time.time()
            reply, _ = run(kc, "while (true) {}", timeout=60)
            self.assertEqual(reply["status"], "error")
            self.assertIn("JJAVA_TIMEOUT", reply["evalue"])
            self.assertLess(time.time() - started, 20, "stopped soon after the 3 s timeout")
            reply, outputs = run(kc, "before + fromStartup")
            self.assertEqual(reply["status"], "ok", f"the cell after the stopped one runs: {reply}")
            self.assertEqual(value(outputs), "6", "state survives; JJAVA_STARTUP_SCRIPT ran at start")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_compiler_options_and_spark_local_ip_come_from_the_environment(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=STARTUP,
                                  env=kernel_env(JJAVA_COMPILER_OPTS="-Xlint:all -Werror", SPARK_LOCAL_IP="127.0.0.1"))
        try:
            reply, _ = run(kc, "Integer boxed = new Integer(5);")
            self.assertEqual(reply["status"], "error", "a deprecation warning fails the cell under -Werror")
            self.assertIn("-Werror", reply["evalue"], f"the error names the option: {reply['evalue']}")
            reply, outputs = run(kc, "int plain = 6; plain + 1")
            self.assertEqual(value(outputs), "7", f"a cell without warnings compiles with the options: {reply}")
            reply, outputs = run(kc, textwrap.dedent("""\
                var spark = org.apache.spark.sql.SparkSession.builder().appName("ui").master("local[1]").getOrCreate();
                spark.sparkContext().uiWebUrl().getOrElse(() -> "no UI")"""), timeout=180)
            self.assertEqual(reply["status"], "ok", reply)
            url = value(outputs).strip('"')
            self.assertRegex(url, r"^http://(127\.0\.0\.1|localhost):\d+$",
                             "with SPARK_LOCAL_IP set, the kernel leaves Spark's web UI on, at that address")
            with urllib.request.urlopen(url + "/jobs/", timeout=30) as page:
                self.assertEqual(page.status, 200, f"the UI answers at {url}")
            exposed = [str(a) for a in listening_addresses(km.provisioner.pid) if not a.is_loopback]
            self.assertEqual(exposed, [], "the UI and the driver listen on SPARK_LOCAL_IP's loopback address only")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_the_kernel_ends_when_its_parent_dies(self):
        script = textwrap.dedent(f"""\
            import subprocess, sys, time
            from jupyter_client.manager import KernelManager
            km = KernelManager(kernel_name="{KERNEL}")
            km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout={STARTUP})
            print(km.provisioner.pid, flush=True)
            time.sleep(600)
            """)
        parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        try:
            kernel_pid = int(parent.stdout.readline())
        except ValueError:
            parent.kill()
            raise AssertionError("the parent did not start a kernel")
        self.assertFalse(process_ended(kernel_pid), "the kernel runs while its parent lives")
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        killed = time.time()
        while not process_ended(kernel_pid) and time.time() - killed < 30:
            time.sleep(0.2)
        ended = process_ended(kernel_pid)
        if not ended:
            os.kill(kernel_pid, signal.SIGKILL)
        print(f"\n  kernel ended {time.time() - killed:.1f} s after its parent was killed", file=sys.stderr)
        self.assertTrue(ended, "the orphaned kernel ended")
        self.assertLess(time.time() - killed, 5, "within a few seconds")


if __name__ == "__main__":
    unittest.main()
