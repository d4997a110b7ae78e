"""batch(cluster=...) on a distributed.LocalCluster of 2 worker processes: the same results as the local
run, and a worker killed mid-batch: its jobs run elsewhere, none lost, none twice."""
import os
import signal

import pytest

import sandboxes

distributed = pytest.importorskip("distributed")


def jobs(n, sleep=0.0):
    out = []
    for i in range(n):
        lang = ("python", "javascript")[i % 2]
        if lang == "python":
            code = (f"import time\ntime.sleep({sleep})\n" if sleep else "") + "print(int(input()) * 3)"
            if i % 6 == 0:
                code = "print(0)"
        else:
            code = "console.log(String(9))" if i % 5 else "throw new Error('x')"
        out.append({"id": f"j{i}", "lang": lang, "code": code, "task": i % 4,
                    "tests": [{"stdin": "3\n", "expected_stdout": "9\n"}]})
    return out


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                                  worker_dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster) as c:
        yield c


def verdicts(results):
    out = {r["id"]: (r["verdict"], r["passed"]) for r in results}
    assert len(out) == len(results), "a job came back twice"
    return out


def test_cluster_gives_the_same_results_as_local(client):
    batch = jobs(30)
    local = verdicts(list(sandboxes.batch(batch, concurrency=2)))
    remote = list(sandboxes.batch(batch, cluster=client, chunk_size=3))
    assert verdicts(remote) == local
    assert {"accepted", "wrong_answer", "runtime_error"} <= {v for v, _ in local.values()}
    # every worker holds one Sandbox, made by the plugin and kept between chunks
    held = client.run(lambda dask_worker: type(dask_worker.plugins["sandboxes"].sandbox).__name__)
    assert set(held.values()) == {"Sandbox"} and len(held) == 2
    ordered = list(sandboxes.batch(batch, cluster=client, chunk_size=3, ordered=True))
    assert [r["id"] for r in ordered] == [j["id"] for j in batch]


def test_a_worker_killed_mid_batch_loses_no_job_and_counts_none_twice(client):
    batch = jobs(40, sleep=0.1)
    pids = client.run(os.getpid)
    seen = []
    for r in sandboxes.batch(batch, cluster=client, chunk_size=2):
        seen.append(r)
        if len(seen) == 6:
            os.kill(next(iter(pids.values())), signal.SIGKILL)  # the nanny starts a new worker process
    assert sorted(r["id"] for r in seen) == sorted(j["id"] for j in batch)
    assert verdicts(seen) == verdicts(list(sandboxes.batch(batch, concurrency=2)))
    client.wait_for_workers(2, timeout=60)
    assert set(client.run(os.getpid).values()) != set(pids.values())


def test_cli_on_the_cluster(client, tmp_path):
    from tests.batch.test_cli import cli, read_results, write_jobs

    src, out = tmp_path / "jobs.jsonl", tmp_path / "results.jsonl"
    write_jobs(src, jobs(8))
    p = cli(src, "-o", out, "--cluster", client.scheduler.address, "--chunk-size", 2)
    assert p.returncode == 0, p.stderr
    assert verdicts(read_results(out)) == verdicts(list(sandboxes.batch(jobs(8))))


def test_the_plugin_closes_its_sandbox_at_teardown():
    from sandboxes._batch._dask import SandboxPlugin

    plugin = SandboxPlugin()
    plugin.setup(None)
    sb = plugin.sandbox
    assert sb.run("python", "print(1)").stdout == "1\n"
    plugin.teardown(None)
    assert plugin.sandbox is None
    with pytest.raises(sandboxes.ClosedError):
        sb.run("python", "print(1)")


def test_a_policy_object_goes_to_the_workers(client):
    import dataclasses

    base = sandboxes.default_policy()
    tight = dataclasses.replace(base, python=dataclasses.replace(
        base.python, limits=dataclasses.replace(base.python.limits, timeout_s=0.3)))
    job = {"id": "slow", "lang": "python", "code": "import time\ntime.sleep(1)\nprint(1)"}
    (r,) = sandboxes.batch([job], cluster=client, policy=tight)
    assert r["verdict"] == "time_limit"  # the workers' sandboxes run under the policy given
    (r,) = sandboxes.batch([job], cluster=client)
    assert r["verdict"] == "accepted"


class _Boom(distributed.WorkerPlugin):
    """Test only: on every worker (restarted ones too), the job with id "boom" kills its worker process."""

    def setup(self, worker):
        from sandboxes._batch import _dask

        real = _dask.run_job

        def run_job(sandbox, job, seq):
            if job.get("id") == "boom":
                os._exit(1)
            return real(sandbox, job, seq)

        _dask.run_job = run_job


def test_a_job_that_kills_every_worker_gets_an_error_result_and_the_rest_of_its_chunk_runs():
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address="127.0.0.1:0", worker_dashboard_address="127.0.0.1:0") as cl, \
            distributed.Client(cl) as c:
        c.register_plugin(_Boom(), name="boom")
        batch = jobs(6)
        batch.insert(2, {"id": "boom", "lang": "python", "code": "print(1)"})
        got = {r["id"]: r for r in sandboxes.batch(batch, cluster=c, chunk_size=4)}
    assert sorted(got) == sorted(j["id"] for j in batch)
    assert got["boom"]["verdict"] == "error" and "died" in got["boom"]["error"]
    assert verdicts([r for k, r in got.items() if k != "boom"]) == verdicts(list(sandboxes.batch(jobs(6))))
