#!/bin/sh
# Bucket for Souk's media: versioned (restores after a bad delete), anonymous reads on media/
# only. Certification documents under private/ are reachable only through signed URLs.
set -eu
mc alias set souk http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "souk/$AWS_STORAGE_BUCKET_NAME"
mc version enable "souk/$AWS_STORAGE_BUCKET_NAME"
mc anonymous set none "souk/$AWS_STORAGE_BUCKET_NAME"
mc anonymous set download "souk/$AWS_STORAGE_BUCKET_NAME/media"
