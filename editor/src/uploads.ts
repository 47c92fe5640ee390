// Sends one file to the media library (POST /quan-tri/thu-vien/tai-len, the same endpoint as the
// library's form) with progress, and answers with the stored item or the server's reason.

export const UPLOAD_ADDRESS = "/quan-tri/thu-vien/tai-len";

export interface StoredMedia {
  url: string;
  original_name: string;
  width: number | null;
  height: number | null;
  alt_text: string;
  caption: string;
  content_type: string;
}

interface UploadOutcome {
  uploaded: StoredMedia[];
  refused: { file_name: string; message: string }[];
}

export function uploadFile(file: File, onProgress: (loaded: number, total: number) => void, alt = ""): Promise<StoredMedia> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", UPLOAD_ADDRESS);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
    request.addEventListener("error", () => reject(new Error("Mất kết nối tới máy chủ khi tải ảnh lên.")));
    request.addEventListener("load", () => {
      let answer: Partial<UploadOutcome> & { message?: string } = {};
      try {
        answer = JSON.parse(request.responseText);
      } catch {
        // The reason below is enough.
      }
      const stored = answer.uploaded?.[0];
      if (request.status >= 200 && request.status < 300 && stored) return resolve(stored);
      reject(new Error(answer.refused?.[0]?.message ?? answer.message ?? `Máy chủ từ chối tệp (mã ${request.status}).`));
    });
    const form = new FormData();
    form.append("tep", file, file.name);
    if (alt) form.append("alt", alt);
    request.send(form);
  });
}

export function isImageFile(file: File): boolean {
  return ["image/jpeg", "image/png", "image/gif", "image/webp"].includes(file.type);
}

export type EventSink = (json: string) => void;

/** Reports each upload to the page as `upload` events (`UploadProgress` on the Rust side). */
export interface UploadReporter {
  started(name: string): number;
  progress(id: number, loaded: number, total: number): void;
  finished(id: number, error?: string): void;
}

let uploadsStarted = 0;

export function reporter(emit: EventSink): UploadReporter {
  const report = (id: number, name: string, loaded: number, total: number, state: string, message = "") =>
    emit(JSON.stringify({ kind: "upload", id, name, loaded, total, state, message }));
  return {
    started: (name) => {
      uploadsStarted += 1;
      report(uploadsStarted, name, 0, 0, "uploading");
      return uploadsStarted;
    },
    progress: (id, loaded, total) => report(id, "", loaded, total, "uploading"),
    finished: (id, error) => report(id, "", 0, 0, error ? "failed" : "done", error ?? ""),
  };
}

/** Uploads each file on its own request, reporting progress, and hands each stored one on. */
export function uploadEach(files: Iterable<File>, report: UploadReporter, onStored: (stored: StoredMedia) => void, alt = "") {
  for (const file of files) {
    const id = report.started(file.name);
    uploadFile(file, (loaded, total) => report.progress(id, loaded, total), alt)
      .then((stored) => {
        report.finished(id);
        onStored(stored);
      })
      .catch((error: Error) => report.finished(id, error.message));
  }
}
